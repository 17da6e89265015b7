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
    func wrongType(_ path: ConfigPath, expected: String, got value: JSONValue) {
        error(path, "expected \(expected), got \(Self.kind(of: value))")
    }

    /// Records why the document is not strict JSON: a duplicate key at its own path, anything else at the root.
    func syntax(_ failure: JSONSyntaxError) {
        let place = "line \(failure.line), column \(failure.column)"
        if failure.reason == .duplicateKey {
            error(ConfigPath(failure.path), "duplicate key at \(place)")
        } else {
            error(.root, "malformed JSON at \(place): \(failure.reason.phrase)")
        }
    }

    /// The kind of value with its article, in the words of the config docs ("a list", not "an array").
    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
