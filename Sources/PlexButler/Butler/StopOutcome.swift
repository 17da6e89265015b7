/// What happened on one server, in the words of the result JSON.
public enum StopOutcome: String, Sendable, Codable, CaseIterable {
    case stopped
    case notRunning = "not_running"
    case upstreamUnauthorized = "upstream_unauthorized"
    case unknownTask = "unknown_task"
    case unreachable
    case timeout
    case tlsError = "tls_error"
    case upstreamError = "upstream_error"
    case invalidResponse = "invalid_response"

    /// Whether the caller's wish (the task does not run) holds on that server.
    public var isSuccess: Bool {
        self == .stopped || self == .notRunning
    }
}

/// The answer for one server.
public struct ServerStopResult: Sendable, Equatable {
    public var server: String
    public var outcome: StopOutcome
    /// The HTTP status Plex answered with, when it answered.
    public var upstreamStatus: Int?
    /// A fixed phrase for failures; never Plex's body or a secret.
    public var error: String?
    public var durationMs: Int

    public init(
        server: String,
        outcome: StopOutcome,
        upstreamStatus: Int? = nil,
        error: String? = nil,
        durationMs: Int
    ) {
        self.server = server
        self.outcome = outcome
        self.upstreamStatus = upstreamStatus
        self.error = error
        self.durationMs = durationMs
    }
}
