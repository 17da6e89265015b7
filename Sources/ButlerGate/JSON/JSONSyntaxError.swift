/// Where and why a document is not strict JSON; never quotes the document, which may hold secrets.
struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why parsing stopped, with a stable code as raw value.
    enum Reason: String, Sendable {
        case unexpectedEnd = "unexpected_end"
        case unexpectedCharacter = "unexpected_character"
        case trailingComma = "trailing_comma"
        case duplicateKey = "duplicate_key"
        case expectedKey = "expected_key"
        case expectedColon = "expected_colon"
        case expectedCommaOrClose = "expected_comma_or_close"
        case invalidNumber = "invalid_number"
        case numberOutOfRange = "number_out_of_range"
        case controlCharacter = "control_character"
        case invalidEscape = "invalid_escape"
        case loneSurrogate = "lone_surrogate"
        case invalidUTF8 = "invalid_utf8"
        case trailingContent = "trailing_content"
        case tooDeep = "too_deep"
        case tooLarge = "too_large"

        /// A short fixed phrase for messages.
        var phrase: String {
            switch self {
            case .unexpectedEnd: "unexpected end of input"
            case .unexpectedCharacter: "unexpected character"
            case .trailingComma: "trailing comma"
            case .duplicateKey: "duplicate key"
            case .expectedKey: "expected a member name in double quotes"
            case .expectedColon: "expected ':' after a member name"
            case .expectedCommaOrClose: "expected ',' or a closing bracket"
            case .invalidNumber: "invalid number"
            case .numberOutOfRange: "number out of range"
            case .controlCharacter: "unescaped control character in a string"
            case .invalidEscape: "invalid escape sequence"
            case .loneSurrogate: "unpaired surrogate escape"
            case .invalidUTF8: "invalid UTF-8"
            case .trailingContent: "unexpected content after the value"
            case .tooDeep: "nesting too deep"
            case .tooLarge: "document too large"
            }
        }
    }

    /// Why parsing stopped.
    let reason: Reason
    /// The byte offset of the offending byte (the document's length when it ended too early).
    let offset: Int
    /// The 1-based line of `offset`.
    let line: Int
    /// The 1-based column of `offset`, counted in Unicode scalars.
    let column: Int
    /// The value being read when parsing stopped; for a duplicate key, the repeated member.
    let path: [JSONPathStep]

    /// An error at `offset` of `bytes`, with the line and column worked out from the bytes before it.
    init(_ reason: Reason, at offset: Int, in bytes: [UInt8], path: [JSONPathStep]) {
        self.reason = reason
        self.offset = offset
        self.path = path
        let before = bytes[..<offset]
        line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        // Continuation bytes do not start a scalar, so skipping them counts characters as an editor shows them.
        column = bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1
    }

    /// `trailing comma at line 3, column 17`.
    var description: String {
        "\(reason.phrase) at line \(line), column \(column)"
    }
}
