/// Reads one string literal: escapes resolved, UTF-8 checked byte by byte, control characters refused.
enum JSONStringReader {
    /// Reads the string starting at the cursor's opening quote and leaves the cursor after the closing one.
    static func read(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> String {
        cursor.advance()
        var text: [UInt8] = []
        while true {
            guard let byte = cursor.current else { throw cursor.failure(.unexpectedEnd) }
            switch byte {
            case UInt8(ascii: "\""):
                cursor.advance()
                // Every byte was checked above, so decoding cannot substitute anything.
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                UTF8.encode(try escape(&cursor)) { text.append($0) }
            case 0x00..<0x20:
                throw cursor.failure(.controlCharacter)
            case 0x20..<0x80:
                text.append(byte)
                cursor.advance()
            default:
                let length = try sequenceLength(cursor)
                text.append(contentsOf: cursor.bytes[cursor.offset..<cursor.offset + length])
                cursor.advance(length)
            }
        }
    }

    /// The length of the well-formed UTF-8 sequence at the cursor (RFC 3629: no overlong forms, no surrogates,
    /// nothing past U+10FFFF).
    private static func sequenceLength(_ cursor: JSONCursor) throws(JSONSyntaxError) -> Int {
        let bytes = cursor.bytes
        let start = cursor.offset
        let (length, second): (Int, ClosedRange<UInt8>) =
            switch bytes[start] {
            case 0xC2...0xDF: (2, 0x80...0xBF)
            case 0xE0: (3, 0xA0...0xBF)
            case 0xED: (3, 0x80...0x9F)
            case 0xE1...0xEF: (3, 0x80...0xBF)
            case 0xF0: (4, 0x90...0xBF)
            case 0xF1...0xF3: (4, 0x80...0xBF)
            case 0xF4: (4, 0x80...0x8F)
            default: throw cursor.failure(.invalidUTF8)
            }
        guard start + length <= bytes.count, second.contains(bytes[start + 1]),
            bytes[start + 2..<start + length].allSatisfy({ $0 & 0xC0 == 0x80 })
        else { throw cursor.failure(.invalidUTF8, at: start) }
        return length
    }

    /// Reads one escape sequence starting at the backslash; a `\u` high surrogate must be followed by a low one.
    private static func escape(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = cursor.offset
        cursor.advance()
        guard let letter = cursor.current else { throw cursor.failure(.unexpectedEnd) }
        cursor.advance()
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): break
        default: throw cursor.failure(.invalidEscape, at: start)
        }
        let unit = try hexUnit(&cursor, escapeAt: start)
        switch unit {
        case 0xD800...0xDBFF:
            guard cursor.bytes[cursor.offset...].starts(with: "\\u".utf8) else {
                throw cursor.failure(.loneSurrogate, at: start)
            }
            cursor.advance(2)
            let low = try hexUnit(&cursor, escapeAt: cursor.offset - 2)
            guard (0xDC00...0xDFFF).contains(low) else { throw cursor.failure(.loneSurrogate, at: start) }
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { preconditionFailure("a surrogate pair is a scalar") }
            return scalar
        case 0xDC00...0xDFFF:
            throw cursor.failure(.loneSurrogate, at: start)
        default:
            guard let scalar = Unicode.Scalar(unit) else { preconditionFailure("a non-surrogate unit is a scalar") }
            return scalar
        }
    }

    /// Reads the four hex digits of a `\u` escape.
    private static func hexUnit(_ cursor: inout JSONCursor, escapeAt start: Int) throws(JSONSyntaxError) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = cursor.current else { throw cursor.failure(.unexpectedEnd) }
            let digit: UInt8 =
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
                default: throw cursor.failure(.invalidEscape, at: start)
                }
            unit = unit << 4 | UInt16(digit)
            cursor.advance()
        }
        return unit
    }
}
