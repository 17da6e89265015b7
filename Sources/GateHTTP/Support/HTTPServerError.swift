/// Why the server could not be built, started, or given a new certificate.
public struct HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable machine-readable causes.
    public enum Code: String, Sendable {
        case invalidAddress = "http.invalid_address"
        case bindFailed = "http.bind_failed"
        case listenFailed = "http.listen_failed"
        case alreadyStarted = "http.already_started"
        case threadStartFailed = "http.thread_start_failed"
        case eventLoopFailed = "http.event_loop_failed"
        case certificateUnreadable = "tls.certificate_unreadable"
        case certificateInvalid = "tls.certificate_invalid"
        case privateKeyUnreadable = "tls.private_key_unreadable"
        case privateKeyInvalid = "tls.private_key_invalid"
        case keyMismatch = "tls.key_mismatch"
        case contextFailed = "tls.context_failed"
        case certificateGenerationFailed = "tls.certificate_generation_failed"
    }

    public let code: Code
    /// A human-readable explanation (paths and errno text, never key material).
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        "\(code.rawValue): \(detail)"
    }
}
