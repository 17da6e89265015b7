/// TLS settings for one upstream server.
public struct UpstreamTLS: Sendable, Equatable {
    /// A PEM bundle to trust instead of the system store.
    public var caFile: String?
    /// `sha256//<base64>` of the server's SubjectPublicKeyInfo; any other key fails the call.
    ///
    /// Without `caFile` the pin replaces chain and host name checks (a self-signed or bare-IP certificate);
    /// with it, both apply.
    public var pinnedPublicKey: String?
    /// Skip certificate and host name checks (explicit opt-in only).
    public var insecureSkipVerify: Bool

    public init(caFile: String? = nil, pinnedPublicKey: String? = nil, insecureSkipVerify: Bool = false) {
        self.caFile = caFile
        self.pinnedPublicKey = pinnedPublicKey
        self.insecureSkipVerify = insecureSkipVerify
    }
}

/// One outbound HTTP request.
public struct UpstreamRequest: Sendable {
    public var method: String
    /// Absolute `http` or `https` URL; never carries a secret.
    public var url: String
    public var headers: [(name: String, value: String)]
    public var tls: UpstreamTLS
    /// Connect to this address instead of resolving the URL's host (TLS and Host keep the name).
    public var resolveTo: String?
    /// The whole exchange must finish within this time.
    public var timeout: Duration
    /// Sent with its exact length; empty sends no body unless the method implies one.
    public var body: [UInt8]
    /// The response body is cut at this many bytes.
    public var maxResponseBytes: Int

    public init(
        method: String,
        url: String,
        headers: [(name: String, value: String)] = [],
        tls: UpstreamTLS = UpstreamTLS(),
        resolveTo: String? = nil,
        timeout: Duration,
        body: [UInt8] = [],
        maxResponseBytes: Int = 64 * 1024
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.tls = tls
        self.resolveTo = resolveTo
        self.timeout = timeout
        self.body = body
        self.maxResponseBytes = maxResponseBytes
    }
}

/// A received HTTP answer, whatever its status.
public struct UpstreamResponse: Sendable {
    public var status: Int
    public var contentType: String?
    /// The body, cut at the request's `maxResponseBytes`: it is classified, never forwarded.
    public var body: [UInt8]
    /// The final response's header fields, in the order received.
    public var headers: [(name: String, value: String)]
    /// The body is not whole: cut at the cap, or the exchange ended (timeout, lost connection) after the status.
    public var truncated: Bool

    public init(
        status: Int,
        contentType: String? = nil,
        body: [UInt8] = [],
        headers: [(name: String, value: String)] = [],
        truncated: Bool = false
    ) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
        self.truncated = truncated
    }

    /// The first value of a header field, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Why no HTTP answer came back.
public struct UpstreamFailure: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case unreachable
        case timeout
        case tls
        case invalidResponse
    }

    public var kind: Kind
    /// A fixed phrase such as "connection refused"; never a URL, header or library text.
    public var reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }
}

/// Sends upstream requests; the seam between Plex calls and the HTTP engine (and test doubles).
public protocol UpstreamTransport: Sendable {
    func perform(_ request: UpstreamRequest) async -> Result<UpstreamResponse, UpstreamFailure>
}
