/// Character classes of RFC 9110/9112, tested without building strings.
enum ByteClass {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    /// Bit mask of the token characters below 0x80: `!#$%&'*+-.^_`|~`, digits, letters.
    private static let tokenLow: UInt64 = {
        var mask: UInt64 = 0
        for byte in Array("!#$%&'*+-.0123456789".utf8) where byte < 64 {
            mask |= 1 << UInt64(byte)
        }
        return mask
    }()

    private static let tokenHigh: UInt64 = {
        var mask: UInt64 = 0
        let chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~"
        for byte in Array(chars.utf8) where byte >= 64 && byte < 128 {
            mask |= 1 << UInt64(byte - 64)
        }
        return mask
    }()

    /// Whether `byte` may appear in a token (method, field name).
    @inline(__always)
    static func isToken(_ byte: UInt8) -> Bool {
        if byte < 64 { return tokenLow & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return tokenHigh & (1 << UInt64(byte - 64)) != 0 }
        return false
    }

    /// Whether `byte` may appear in a field value: HTAB, SP, VCHAR or obs-text.
    @inline(__always)
    static func isFieldValue(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= 0x20 && byte != 0x7F)
    }

    /// Whether `byte` may appear in a request-target (visible ASCII).
    @inline(__always)
    static func isTargetChar(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// Whether `byte` is SP or HTAB.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }

    /// Whether `bytes` equals the lowercase ASCII `lowercased`, ignoring case.
    @inline(__always)
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercased: StaticString) -> Bool {
        guard bytes.count == lowercased.utf8CodeUnitCount else { return false }
        let expected = lowercased.utf8Start
        for index in 0..<bytes.count where asciiLower(bytes[index]) != expected[index] {
            return false
        }
        return true
    }
}
