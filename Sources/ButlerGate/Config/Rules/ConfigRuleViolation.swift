/// Why a single value breaks a rule, phrased to follow its path.
struct ConfigRuleViolation: Error, Sendable, ExpressibleByStringLiteral {
    /// The rule, e.g. `must start with http:// or https://`.
    let message: String

    init(_ message: String) {
        self.message = message
    }

    init(stringLiteral message: String) {
        self.message = message
    }
}
