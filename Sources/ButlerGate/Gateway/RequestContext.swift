import GateHTTP

/// What the gateway knows about one request while answering it; feeds the access line.
struct RequestContext: Sendable {
    /// The echoed or generated `X-Request-ID`.
    let requestID: String
    /// The gateway's logger with `request.id` attached.
    let logger: Logger
    /// When the gateway first saw the request.
    let started: ContinuousClock.Instant
    /// The method, or `-` when the head could not be parsed.
    let method: String
    /// The path without its query, secrets masked.
    let path: String
    /// The peer address.
    let clientAddress: String
    /// Set once a key has matched.
    var keyID: String?

    /// A context for a parsed `head`; `keys` tell what must not be logged.
    init(head: HTTPRequestHead, keys: APIKeyTable, logger: Logger) {
        let connection = HTTPConnectionInfo(remoteAddress: head.remoteAddress, isTLS: head.isTLS)
        self.init(head: head, connection: connection, keys: keys, logger: logger)
    }

    /// A context for a refusal on `connection`, with `head` nil when the server could not parse one.
    init(head: HTTPRequestHead?, connection: HTTPConnectionInfo, keys: APIKeyTable, logger: Logger) {
        requestID = RequestID.accepted(from: head?.headers, keys: keys) ?? RequestID.generate()
        self.logger = logger.with("request.id", .string(requestID))
        started = .now
        method = head?.method ?? "-"
        path = head.map { PathRedactor.redact($0.path, keys: keys) } ?? "-"
        clientAddress = connection.remoteAddress
    }

    /// Milliseconds since the request arrived here.
    var elapsedMs: Int {
        Int(started.duration(to: .now) / .milliseconds(1))
    }
}
