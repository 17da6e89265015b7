import Testing

@testable import ButlerGate

struct JSONParserTests {
    static let accepted: [(String, JSONValue)] = [
        ("{}", .object([])),
        ("[]", .array([])),
        (" \t\r\n{ \"a\" : 1 }\n", .object([("a", .int(1))])),
        (
            #"{"b":1,"a":[true,false,null]}"#,
            .object([("b", .int(1)), ("a", .array([.bool(true), .bool(false), .null]))])
        ),
        (#""plain""#, .string("plain")),
        ("0", .int(0)),
        ("-0", .int(0)),
        ("-12", .int(-12)),
        ("9223372036854775807", .int(Int.max)),
        ("-9223372036854775808", .int(Int.min)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("1.5", .double(1.5)),
        ("-0.25e+2", .double(-25)),
        ("1E3", .double(1000)),
        ("1e-400", .double(0)),
        (#""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{08}\u{0C}\n\r\t")),
        (#""\u00e9\u20AC""#, .string("é€")),
        (#""\ud83d\ude00""#, .string("😀")),
        (#""\u0000""#, .string("\u{0}")),
        ("\"é€😀\u{7F}\"", .string("é€😀\u{7F}")),
        (#"{"K":1,"\u212a":2}"#, .object([("K", .int(1)), ("\u{212A}", .int(2))])),
        (#"{"é":1,"e\u0301":2}"#, .object([("é", .int(1)), ("e\u{301}", .int(2))])),
    ]

    @Test(arguments: accepted)
    func strictDocumentsParseToTheirValue(text: String, expected: JSONValue) throws {
        let value = try JSONParser.parse(Array(text.utf8))
        #expect(value == expected)
    }

    @Test(arguments: accepted.map(\.1))
    func renderedValuesParseBackToThemselves(value: JSONValue) throws {
        #expect(try JSONParser.parse(value.bytes) == value)
    }

    @Test func membersKeepTheirDocumentOrder() throws {
        let value = try JSONParser.parse(Array(#"{"zeta":1,"alpha":2,"mid":3}"#.utf8))
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.0) == ["zeta", "alpha", "mid"])
    }

    @Test func lookupsCompareKeysScalarByScalar() {
        let members: [(String, JSONValue)] = [("\u{212A}ey", .int(1)), ("e\u{301}", .int(2))]
        #expect(JSONValue.member("Key", in: members) == nil)
        #expect(JSONValue.member("é", in: members) == nil)
        #expect(JSONValue.member("e\u{301}", in: members) == .int(2))
    }

    @Test(arguments: [
        ("[", "]"),
        (#"{"a":"#, "}"),
    ])
    func nestingUpToTheLimitIsAcceptedAndOneMoreIsNot(open: String, close: String) throws {
        let limit = JSONParser.defaultMaxDepth
        let deepest = String(repeating: open, count: limit) + "1" + String(repeating: close, count: limit)
        #expect(throws: Never.self) { try JSONParser.parse(Array(deepest.utf8)) }
        let tooDeep = String(repeating: open, count: limit + 1) + "1" + String(repeating: close, count: limit + 1)
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(tooDeep.utf8)) }
        #expect(error.reason == .tooDeep)
        #expect(error.offset == limit * open.utf8.count)
    }

    @Test func hugeNestingStopsAtTheLimitWithoutRecursingFurther() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 200_000)
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
        #expect(error.reason == .tooDeep)
    }

    @Test func documentsOverTheSizeLimitAreRefusedUnread() throws {
        let error = try #require(throws: JSONSyntaxError.self) {
            try JSONParser.parse(Array("[1,2]".utf8), maxBytes: 4)
        }
        #expect(error.reason == .tooLarge)
        #expect(try JSONParser.parse(Array("[1,2]".utf8), maxBytes: 5) == .array([.int(1), .int(2)]))
    }
}
