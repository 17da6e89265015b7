/// What to do with a request once its head is parsed.
public enum HeadDecision: Sendable {
    /// Read the body (up to `maxBodyBytes`; more is refused with 413) and call `respond(to:)`.
    case proceed(maxBodyBytes: Int)
    /// Answer now without reading the body; a connection with an unread body is then closed.
    case respond(HTTPResponse)
}

/// Why the server refused a request before it reached the responder.
public enum HTTPRequestError: Error, Sendable, Equatable {
    /// Malformed syntax (400): the reason is a fixed phrase, safe to show.
    case badRequest(String)
    /// Request line longer than the limit (414).
    case uriTooLong
    /// Header section over the byte or count limit (431).
    case headersTooLarge
    /// Declared or received body over the limit (413).
    case bodyTooLarge
    /// `Transfer-Encoding` other than chunked (501).
    case notImplemented
    /// HTTP version other than 1.0 or 1.1 (505).
    case versionNotSupported
    /// The head or body stopped arriving before it was complete (408).
    case requestTimeout
    /// Plain HTTP on a TLS listener (400); the answer goes out unencrypted, then the connection closes.
    case httpsRequired

    /// The HTTP status this error answers with.
    public var status: Int {
        switch self {
        case .badRequest, .httpsRequired: 400
        case .uriTooLong: 414
        case .headersTooLarge: 431
        case .bodyTooLarge: 413
        case .notImplemented: 501
        case .versionNotSupported: 505
        case .requestTimeout: 408
        }
    }
}

/// The application side of the server: screens heads, answers requests, renders refusals.
public protocol HTTPResponder: Sendable {
    /// Runs on the event loop as soon as a head is parsed; must not block.
    func screen(_ head: HTTPRequestHead) -> HeadDecision
    /// Produces the response to a complete request.
    ///
    /// It runs in a task that prefers the connection's event loop as its executor, so a quick answer
    /// costs no thread hop: awaiting is fine, but blocking or long computation stalls that loop.
    func respond(to request: HTTPRequest) async -> HTTPResponse
    /// Renders a refusal; `head` is nil when the head itself could not be parsed, `connection` is
    /// always known. The connection is closed after this response.
    func reject(_ error: HTTPRequestError, head: HTTPRequestHead?, connection: HTTPConnectionInfo) -> HTTPResponse
}

extension HTTPResponder {
    public func screen(_ head: HTTPRequestHead) -> HeadDecision {
        .proceed(maxBodyBytes: 1 << 20)
    }

    public func reject(
        _ error: HTTPRequestError,
        head: HTTPRequestHead?,
        connection: HTTPConnectionInfo
    ) -> HTTPResponse {
        // Only the HTTPS hint tells the caller something it can act on without a log to read.
        let text = error == .httpsRequired ? "This port speaks HTTPS; use https://\n" : "request refused\n"
        return HTTPResponse(
            status: error.status,
            headers: HTTPHeaders([("Content-Type", "text/plain; charset=utf-8")]),
            body: Array(text.utf8),
            closesConnection: true
        )
    }
}
