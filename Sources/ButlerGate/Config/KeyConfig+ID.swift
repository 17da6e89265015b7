extension KeyConfig {
    /// Whether `id` is a valid key id, by the same rule the config loader applies.
    public static func isValidID(_ id: String) -> Bool {
        ConfigRules.isName(id)
    }

    /// What a key id must look like, for messages.
    public static let idRule = ConfigRules.nameRule
}
