import Testing

@testable import ButlerGate

struct JSONSyntaxErrorTests {
    @Test(
        arguments: [
            ("[1,]", JSONSyntaxError.Reason.trailingComma, 2),
            (#"{"a":1,}"#, .trailingComma, 6),
            (#"["home", ]"#, .trailingComma, 7),
            (#"{"a":1,"a":2}"#, .duplicateKey, 7),
            (#"{"a":1,"\u0061":2}"#, .duplicateKey, 7),
            (#"{"task":"NoSuch","task":"BackupDatabase"}"#, .duplicateKey, 17),
            (#"{"a":{"b":1,"b":1}}"#, .duplicateKey, 12),
            ("01", .invalidNumber, 0),
            ("-01", .invalidNumber, 0),
            ("+1", .invalidNumber, 0),
            (".5", .invalidNumber, 0),
            ("5.", .invalidNumber, 0),
            ("1.e3", .invalidNumber, 0),
            ("1e", .invalidNumber, 0),
            ("1e+", .invalidNumber, 0),
            ("-", .invalidNumber, 0),
            ("-Infinity", .invalidNumber, 0),
            ("NaN", .unexpectedCharacter, 0),
            ("Infinity", .unexpectedCharacter, 0),
            ("1e400", .numberOutOfRange, 0),
            ("-1e400", .numberOutOfRange, 0),
            ("[1] // note", .trailingContent, 4),
            ("/* note */ 1", .unexpectedCharacter, 0),
            ("{'a':1}", .expectedKey, 1),
            ("['a']", .unexpectedCharacter, 1),
            ("{a:1}", .expectedKey, 1),
            ("\"a\tb\"", .controlCharacter, 2),
            ("\"a\nb\"", .controlCharacter, 2),
            (#""\x""#, .invalidEscape, 1),
            (#""\u12""#, .invalidEscape, 1),
            (#""\U0041""#, .invalidEscape, 1),
            (#""\ud800""#, .loneSurrogate, 1),
            (#""\udc00""#, .loneSurrogate, 1),
            (#""\ud800\u0041""#, .loneSurrogate, 1),
            (#""a\ud800b""#, .loneSurrogate, 2),
            ("[1 2]", .expectedCommaOrClose, 3),
            (#"{"a":1 "b":2}"#, .expectedCommaOrClose, 7),
            (#"{"a" 1}"#, .expectedColon, 5),
            ("[1,,2]", .unexpectedCharacter, 3),
            (#"{"a":1}x"#, .trailingContent, 7),
            ("{}{}", .trailingContent, 2),
            ("", .unexpectedEnd, 0),
            ("   ", .unexpectedEnd, 3),
            ("[1,", .unexpectedEnd, 3),
            (#""abc"#, .unexpectedEnd, 4),
            ("tru", .unexpectedEnd, 3),
            ("trUe", .unexpectedCharacter, 0),
            ("[TRUE]", .unexpectedCharacter, 1),
            ("\u{FEFF}{}", .unexpectedCharacter, 0),
        ] as [(String, JSONSyntaxError.Reason, Int)]
    )
    func laxDocumentsAreRefusedAtTheOffendingByte(text: String, reason: JSONSyntaxError.Reason, offset: Int) throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
        #expect(error.reason == reason)
        #expect(error.offset == offset)
    }

    @Test(
        arguments: [
            [0x22, 0xC3, 0x22],
            [0x22, 0xC0, 0xAF, 0x22],
            [0x22, 0xE0, 0x80, 0xAF, 0x22],
            [0x22, 0xED, 0xA0, 0x80, 0x22],
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
            [0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22],
            [0x22, 0xFF, 0x22],
            [0x22, 0x80, 0x22],
            [0x22, 0xE2, 0x82],
        ] as [[UInt8]]
    )
    func invalidUTF8InAStringIsRefusedAtItsFirstByte(bytes: [UInt8]) throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
        #expect(error.reason == .invalidUTF8)
        #expect(error.offset == 1)
    }

    @Test func nonASCIIOutsideAStringIsAnUnexpectedCharacter() throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse([0xC3, 0xA9]) }
        #expect(error.reason == .unexpectedCharacter)
    }

    @Test func lineAndColumnCountCharactersNotBytes() throws {
        let text = "{\n  \"a\": 1,\n  \"é€\": [1,]\n}"
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
        #expect(error.reason == .trailingComma)
        #expect(error.line == 3)
        #expect(error.column == 11)
        #expect(error.description == "trailing comma at line 3, column 11")
    }

    @Test func duplicateKeyNamesThePathOfTheRepeatedMember() throws {
        let text = #"{"servers":[{"name":"a"},{"name":"zzz","name":"den"}]}"#
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
        #expect(error.reason == .duplicateKey)
        #expect(error.path == [.key("servers"), .index(1), .key("name")])
    }

    @Test(arguments: [
        #"{"token":"SECRET-TOKEN","token":"x"}"#,
        "{\"token\":\"SECRET-TOKEN\u{1}\"}",
        #"{"token":"SECRET-TOKEN\q"}"#,
        #"["SECRET-TOKEN",]"#,
    ])
    func messagesNeverQuoteTheDocument(text: String) throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
        #expect(!error.description.contains("SECRET"))
        #expect(!error.reason.phrase.contains("SECRET"))
    }
}
