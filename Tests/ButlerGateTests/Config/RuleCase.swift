import Testing

/// One table row: a config fragment, the path it must be reported at, and a phrase of the message.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let label: String
    let entry: String
    let path: String
    let phrase: String

    init(_ label: String, _ entry: String, at path: String, saying phrase: String) {
        self.label = label
        self.entry = entry
        self.path = path
        self.phrase = phrase
    }

    var testDescription: String { label }
}
