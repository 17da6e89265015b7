/// Collects the problems found while one document is read; lives only for one `ConfigLoader.load` call.
final class ConfigProblemSink {
    private(set) var problems: [ConfigProblem] = []

    /// Whether any error (not warning) was recorded.
    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Records an error at `path`.
    func error(_ path: ConfigPath, _ message: String) {
        problems.append(ConfigProblem(path: path.description, message: message, severity: .error))
    }

    /// Records a warning at `path`.
    func warning(_ path: ConfigPath, _ message: String) {
        problems.append(ConfigProblem(path: path.description, message: message, severity: .warning))
    }

    /// Records that `value` at `path` is not of the `expected` kind.
    func wrongType(_ path: ConfigPath, expected: String, got value: ConfigValue) {
        error(path, "expected \(expected), got \(value.kind)")
    }
}
