/// The parsed start line and header section of a request, before its body is read.
public struct HTTPRequestHead: Sendable {
    /// The method token, exactly as sent (methods are case-sensitive).
    public var method: String
    /// The raw request-target, e.g. `/v1/tasks/x/stop?servers=a`.
    public var target: String
    /// The target up to `?`, still percent-encoded.
    public var path: String
    /// The part after `?`, without it; nil when the target has no `?`.
    public var query: String?
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    public var minorVersion: Int
    public var headers: HTTPHeaders
    /// The declared body length; nil for chunked bodies and requests without a body.
    public var contentLength: Int?
    public var isChunked: Bool
    /// The peer's address, e.g. `127.0.0.1` or `::1`.
    public var remoteAddress: String
    public var isTLS: Bool

    public init(
        method: String,
        target: String,
        minorVersion: Int = 1,
        headers: HTTPHeaders = HTTPHeaders(),
        contentLength: Int? = nil,
        isChunked: Bool = false,
        remoteAddress: String = "127.0.0.1",
        isTLS: Bool = false
    ) {
        self.method = method
        self.target = target
        // Searching the UTF-8 view skips grapheme breaking; `?` is ASCII, so its index is a valid split.
        if let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
            self.path = String(target[..<mark])
            self.query = String(target[target.utf8.index(after: mark)...])
        } else {
            self.path = target
            self.query = nil
        }
        self.minorVersion = minorVersion
        self.headers = headers
        self.contentLength = contentLength
        self.isChunked = isChunked
        self.remoteAddress = remoteAddress
        self.isTLS = isTLS
    }

    /// Whether the request declares a body that has to be read.
    public var hasBody: Bool {
        isChunked || (contentLength ?? 0) > 0
    }
}

/// A complete request: head and body.
public struct HTTPRequest: Sendable {
    public var head: HTTPRequestHead
    public var body: [UInt8]

    public init(head: HTTPRequestHead, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }

    public var method: String { head.method }
    public var path: String { head.path }
    public var query: String? { head.query }
    public var headers: HTTPHeaders { head.headers }
}
