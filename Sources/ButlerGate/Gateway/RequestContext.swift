import GateHTTP

/// What the gateway knows about one request while answering it; feeds the access line.
struct RequestContext: Sendable {
    let requestID: String
    /// The gateway's logger with `request.id` attached.
    let logger: Logger
    let started: ContinuousClock.Instant
    let method: String
    /// The path without its query, secrets masked.
    let path: String
    let clientAddress: String
    /// Set once a key has matched.
    var keyID: String?

    init(head: HTTPRequestHead?, logger: Logger) {
        requestID = RequestID.accepted(from: head?.headers) ?? RequestID.generate()
        self.logger = logger.with("request.id", .string(requestID))
        started = .now
        method = head?.method ?? "-"
        path = head.map { PathRedactor.redact($0.path) } ?? "-"
        clientAddress = head?.remoteAddress ?? "-"
    }

    /// Milliseconds since the request arrived here.
    var elapsedMs: Int {
        Int(started.duration(to: .now) / .milliseconds(1))
    }
}
