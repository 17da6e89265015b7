/// One thing wrong with (or worth saying about) a config, located by its JSON path.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// Errors reject the config; warnings are printed and do not.
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    /// Where the problem is, e.g. `servers[1].timeoutMs`; empty for the document as a whole.
    public var path: String
    /// What is wrong and how to fix it; never carries a secret value.
    public var message: String
    public var severity: Severity

    public init(path: String, message: String, severity: Severity) {
        self.path = path
        self.message = message
        self.severity = severity
    }

    /// `error: servers[1].timeoutMs: must be between 1 and 60000, got 0`.
    public var description: String {
        "\(severity.rawValue): \(path.isEmpty ? "(document)" : path): \(message)"
    }
}
