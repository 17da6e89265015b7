/// The outcome of loading a config: the config when it has no errors, and every problem found.
public struct ConfigReport: Sendable {
    /// Present only when no problem is an error.
    public var config: GatewayConfig?
    /// Every problem: section by section in file order, then the checks that span sections.
    public var problems: [ConfigProblem]

    public init(config: GatewayConfig?, problems: [ConfigProblem]) {
        self.config = config
        self.problems = problems
    }

    /// The problems that reject the config.
    public var errors: [ConfigProblem] { problems.filter { $0.severity == .error } }

    /// The problems that are only reported.
    public var warnings: [ConfigProblem] { problems.filter { $0.severity == .warning } }

    /// Whether the config can be used.
    public var isValid: Bool { config != nil }
}
