/// The reading position in a document: a byte offset for the machine and a member path for people.
struct JSONCursor {
    /// The whole document.
    let bytes: [UInt8]
    /// The offset of the next byte to read.
    var offset = 0
    /// The path of the value being read.
    var path: [JSONPathStep] = []

    /// A cursor at the start of `bytes`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next byte, or nil at the end.
    var current: UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    /// Whether the next byte is `ascii`.
    func at(_ ascii: Unicode.Scalar) -> Bool {
        current == UInt8(ascii: ascii)
    }

    /// Moves past `count` bytes.
    mutating func advance(_ count: Int = 1) {
        offset += count
    }

    /// Moves past the four whitespace bytes RFC 8259 allows, and nothing else.
    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            offset += 1
        }
    }

    /// An error at `offset` (by default the next byte); at the end of input every reason becomes `unexpectedEnd`.
    func failure(_ reason: JSONSyntaxError.Reason, at offset: Int? = nil) -> JSONSyntaxError {
        let offset = offset ?? self.offset
        let reason = offset >= bytes.count && reason != .tooLarge ? .unexpectedEnd : reason
        return JSONSyntaxError(reason, at: min(offset, bytes.count), in: bytes, path: path)
    }
}
