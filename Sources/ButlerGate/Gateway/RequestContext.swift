import GateHTTP

/// What the gateway knows about one request while answering it; feeds the access line.
struct RequestContext: Sendable {
    /// The echoed or generated `X-Request-ID`.
    let requestID: String
    /// The gateway's logger with `request.id` attached.
    let logger: Logger
    /// When the request's first byte arrived, or failing that when the gateway first saw it.
    let started: ContinuousClock.Instant
    /// The method, or `-` when the head could not be parsed.
    let method: String
    /// The path as received (query excluded); only its redacted form is ever logged.
    private let rawPath: String?
    /// What `path` must mask.
    private let secrets: SecretScreen
    /// The peer address.
    let clientAddress: String
    /// Set once a key has matched.
    var keyID: String?

    /// A context for a parsed `head`; `secrets` tell what must not be logged.
    init(head: HTTPRequestHead, secrets: SecretScreen, logger: Logger) {
        let connection = HTTPConnectionInfo(remoteAddress: head.remoteAddress, isTLS: head.isTLS)
        self.init(head: head, connection: connection, secrets: secrets, logger: logger)
    }

    /// A context for a refusal on `connection`, with `head` nil when the server could not parse one.
    init(head: HTTPRequestHead?, connection: HTTPConnectionInfo, secrets: SecretScreen, logger: Logger) {
        requestID = RequestID.accepted(from: head?.headers, secrets: secrets) ?? RequestID.generate()
        self.logger = logger.with("request.id", .string(requestID))
        // A refusal of a stalled request is timed from its first byte, not from the refusal.
        started = connection.requestStarted ?? .now
        method = head?.method ?? "-"
        rawPath = head?.path
        self.secrets = secrets
        clientAddress = connection.remoteAddress
    }

    /// The path without its query, secrets masked; computed on demand because masking hashes segments,
    /// and the access line that needs it is often below the configured level.
    var path: String {
        rawPath.map { PathRedactor.redact($0, secrets: secrets) } ?? "-"
    }

    /// Milliseconds since the request arrived here.
    var elapsedMs: Int {
        Int(started.duration(to: .now) / .milliseconds(1))
    }
}
