/// Reads one number exactly as RFC 8259 spells it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
enum JSONNumberReader {
    /// Reads the number at the cursor: an integer in `Int` range stays exact, anything else becomes a `Double`.
    static func read(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> JSONValue {
        let start = cursor.offset
        if cursor.at("-") { cursor.advance() }
        guard let first = cursor.current, isDigit(first) else { throw cursor.failure(.invalidNumber, at: start) }
        cursor.advance()
        if first == UInt8(ascii: "0"), let next = cursor.current, isDigit(next) {
            throw cursor.failure(.invalidNumber, at: start)
        }
        skipDigits(&cursor)
        var integral = true
        if cursor.at(".") {
            integral = false
            cursor.advance()
            try requireDigits(&cursor, numberAt: start)
        }
        if cursor.at("e") || cursor.at("E") {
            integral = false
            cursor.advance()
            if cursor.at("+") || cursor.at("-") { cursor.advance() }
            try requireDigits(&cursor, numberAt: start)
        }
        let text = String(decoding: cursor.bytes[start..<cursor.offset], as: UTF8.self)
        if integral, let exact = Int(text) { return .int(exact) }
        // The grammar was checked above, so `Double` only ever sees a well-formed literal; it rounds to infinity
        // past the largest double, which JSON cannot carry back out.
        guard let number = Double(text), number.isFinite else { throw cursor.failure(.numberOutOfRange, at: start) }
        return .double(number)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func skipDigits(_ cursor: inout JSONCursor) {
        while let byte = cursor.current, isDigit(byte) { cursor.advance() }
    }

    private static func requireDigits(_ cursor: inout JSONCursor, numberAt start: Int) throws(JSONSyntaxError) {
        guard let byte = cursor.current, isDigit(byte) else { throw cursor.failure(.invalidNumber, at: start) }
        skipDigits(&cursor)
    }
}
