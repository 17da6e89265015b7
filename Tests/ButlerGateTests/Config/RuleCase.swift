import Testing

/// One table row: members to put into a config entry (nil removes one), the path the problem must be
/// reported at, and a phrase of its message.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let label: String
    let members: [String: String?]
    let path: String
    let phrase: String

    init(_ label: String, _ members: [String: String?], at path: String, saying phrase: String) {
        self.label = label
        self.members = members
        self.path = path
        self.phrase = phrase
    }

    var testDescription: String { label }
}
