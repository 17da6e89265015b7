/// A strict RFC 8259 parser: UTF-8 bytes in, one `JSONValue` out, or the first place the document breaks.
///
/// Foundation's parsers accept trailing commas and quietly keep one of two duplicate keys, so a validator in front
/// of the gateway could read a different request than the one executed; this parser refuses both.
struct JSONParser {
    /// Deepest nesting of arrays and objects accepted; keeps the recursion far from the stack's end.
    static let defaultMaxDepth = 64
    /// Largest document accepted; a backstop, since callers cap their input well below it.
    static let defaultMaxBytes = 64 << 20

    private var cursor: JSONCursor
    private let maxDepth: Int
    private var depth = 0

    private init(_ bytes: [UInt8], maxDepth: Int) {
        cursor = JSONCursor(bytes)
        self.maxDepth = maxDepth
    }

    /// Parses one whole document: a single value with nothing but whitespace around it.
    static func parse(
        _ bytes: [UInt8],
        maxDepth: Int = defaultMaxDepth,
        maxBytes: Int = defaultMaxBytes
    ) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes, maxDepth: maxDepth)
        guard bytes.count <= maxBytes else { throw parser.cursor.failure(.tooLarge, at: 0) }
        parser.cursor.skipWhitespace()
        let value = try parser.value()
        parser.cursor.skipWhitespace()
        guard parser.cursor.current == nil else { throw parser.cursor.failure(.trailingContent) }
        return value
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard let byte = cursor.current else { throw cursor.failure(.unexpectedEnd) }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try JSONStringReader.read(&cursor))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return try JSONNumberReader.read(&cursor)
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: throw cursor.failure(.unexpectedCharacter)
        }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let rest = cursor.bytes[cursor.offset...]
        guard rest.starts(with: word.utf8) else {
            // A document cut off mid-word ends too early rather than holding a wrong character.
            let cutShort = word.utf8.starts(with: rest)
            throw cursor.failure(.unexpectedCharacter, at: cutShort ? rest.endIndex : nil)
        }
        cursor.advance(word.utf8.count)
        return value
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        var members: [(String, JSONValue)] = []
        var seen = Set<[UInt8]>()
        cursor.skipWhitespace()
        if cursor.at("}") { return leave(.object(members)) }
        while true {
            guard cursor.at("\"") else { throw cursor.failure(.expectedKey) }
            let keyOffset = cursor.offset
            let key = try JSONStringReader.read(&cursor)
            cursor.path.append(.key(key))
            // Bytes, not Strings: String equality would merge canonically equivalent but different keys.
            guard seen.insert(Array(key.utf8)).inserted else { throw cursor.failure(.duplicateKey, at: keyOffset) }
            cursor.skipWhitespace()
            guard cursor.at(":") else { throw cursor.failure(.expectedColon) }
            cursor.advance()
            cursor.skipWhitespace()
            members.append((key, try value()))
            cursor.path.removeLast()
            if try closes("}") { return leave(.object(members)) }
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        var items: [JSONValue] = []
        cursor.skipWhitespace()
        if cursor.at("]") { return leave(.array(items)) }
        while true {
            cursor.path.append(.index(items.count))
            items.append(try value())
            cursor.path.removeLast()
            if try closes("]") { return leave(.array(items)) }
        }
    }

    /// After a member or element: true at the closing bracket, false after a comma with more to come.
    private mutating func closes(_ bracket: Unicode.Scalar) throws(JSONSyntaxError) -> Bool {
        cursor.skipWhitespace()
        if cursor.at(bracket) { return true }
        guard cursor.at(",") else { throw cursor.failure(.expectedCommaOrClose) }
        let comma = cursor.offset
        cursor.advance()
        cursor.skipWhitespace()
        guard !cursor.at(bracket) else { throw cursor.failure(.trailingComma, at: comma) }
        return false
    }

    /// Steps over an opening bracket, refusing to go deeper than `maxDepth`.
    private mutating func enter() throws(JSONSyntaxError) {
        guard depth < maxDepth else { throw cursor.failure(.tooDeep) }
        depth += 1
        cursor.advance()
    }

    /// Steps over a closing bracket and hands back the finished container.
    private mutating func leave(_ container: JSONValue) -> JSONValue {
        depth -= 1
        cursor.advance()
        return container
    }
}
