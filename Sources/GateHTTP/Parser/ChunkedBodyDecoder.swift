/// An incremental, bounded decoder for `Transfer-Encoding: chunked` (RFC 9112 §7.1).
public struct ChunkedBodyDecoder: Sendable {
    /// The outcome of one `decode` call; `consumed` bytes of the input were used.
    public enum Progress: Sendable, Equatable {
        case needMore(consumed: Int)
        case done(consumed: Int)
    }

    private enum State: Sendable {
        case size, afterSize, sizeLF, data, dataCR, dataLF, trailer, trailerLF, done
    }

    /// Hex digits allowed in a chunk size (keeps the value far from overflow).
    private static let maxSizeDigits = 15
    /// Bytes allowed for the whitespace and extensions after one chunk size.
    private static let maxExtensionBytes = 1024

    public let maxBodyBytes: Int
    public let limits: HTTPLimits
    private var state = State.size
    private var sizeDigits = 0
    private var chunkRemaining = 0
    private var extensionBytes = 0
    private var extensionSeen = false
    private var trailerLine: [UInt8] = []
    private var trailerBytes = 0
    private var trailerCount = 0
    /// Body bytes decoded so far.
    public private(set) var decodedBytes = 0

    public init(maxBodyBytes: Int, limits: HTTPLimits = HTTPLimits()) {
        self.maxBodyBytes = maxBodyBytes
        self.limits = limits
    }

    /// Decodes from `input`, appending body bytes to `body`.
    public mutating func decode(
        _ input: UnsafeBufferPointer<UInt8>,
        into body: inout [UInt8]
    ) throws(HTTPRequestError) -> Progress {
        var index = 0
        while index < input.count {
            if state == .data {
                let take = min(chunkRemaining, input.count - index)
                body.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<(index + take)]))
                index += take
                chunkRemaining -= take
                if chunkRemaining == 0 { state = .dataCR }
                continue
            }
            try step(input[index])
            index += 1
            if state == .done { return .done(consumed: index) }
        }
        return .needMore(consumed: index)
    }

    /// Convenience for arrays, mainly for tests and fuzzing.
    public mutating func decode(_ input: [UInt8], into body: inout [UInt8]) throws(HTTPRequestError) -> Progress {
        try input.withUnsafeBufferPointer { (buffer) throws(HTTPRequestError) -> Progress in
            try decode(buffer, into: &body)
        }
    }

    private mutating func step(_ byte: UInt8) throws(HTTPRequestError) {
        switch state {
        case .size:
            try sizeDigit(byte)
        case .afterSize:
            try afterSize(byte)
        case .sizeLF:
            guard byte == ByteClass.lf else { throw .badRequest("invalid chunk size line") }
            try startChunk()
        case .dataCR:
            guard byte == ByteClass.cr else { throw .badRequest("missing CRLF after chunk data") }
            state = .dataLF
        case .dataLF:
            guard byte == ByteClass.lf else { throw .badRequest("missing CRLF after chunk data") }
            state = .size
            sizeDigits = 0
            chunkRemaining = 0
            extensionBytes = 0
        case .trailer:
            try trailerByte(byte)
        case .trailerLF:
            guard byte == ByteClass.lf else { throw .badRequest("bare CR in trailer section") }
            try endTrailerLine()
        case .data, .done:
            preconditionFailure("chunked decoder stepped in state \(state)")
        }
    }

    private mutating func sizeDigit(_ byte: UInt8) throws(HTTPRequestError) {
        if let digit = ByteClass.hexValue(byte) {
            sizeDigits += 1
            guard sizeDigits <= Self.maxSizeDigits else { throw .badRequest("chunk size too long") }
            chunkRemaining = chunkRemaining << 4 | digit
            return
        }
        guard sizeDigits > 0 else { throw .badRequest("invalid chunk size") }
        state = .afterSize
        try afterSize(byte)
    }

    /// Accepts `BWS ; ext` bytes after the size up to CR; extensions are checked and ignored.
    private mutating func afterSize(_ byte: UInt8) throws(HTTPRequestError) {
        if byte == ByteClass.cr {
            state = .sizeLF
            return
        }
        extensionBytes += 1
        guard extensionBytes <= Self.maxExtensionBytes else { throw .badRequest("chunk extension too long") }
        if !extensionSeen {
            guard ByteClass.isBlank(byte) || byte == UInt8(ascii: ";") else {
                throw .badRequest("invalid chunk size")
            }
            extensionSeen = byte == UInt8(ascii: ";")
            return
        }
        guard ByteClass.isFieldValue(byte), byte < 0x80 else { throw .badRequest("invalid chunk extension") }
    }

    private mutating func startChunk() throws(HTTPRequestError) {
        extensionSeen = false
        guard chunkRemaining > 0 else {
            state = .trailer
            return
        }
        decodedBytes += chunkRemaining
        guard decodedBytes <= maxBodyBytes else { throw .bodyTooLarge }
        state = .data
    }

    private mutating func trailerByte(_ byte: UInt8) throws(HTTPRequestError) {
        if byte == ByteClass.cr {
            state = .trailerLF
            return
        }
        if byte == ByteClass.lf { throw .badRequest("bare LF in trailer section") }
        trailerBytes += 1
        guard trailerBytes <= limits.maxHeaderBytes else { throw .headersTooLarge }
        trailerLine.append(byte)
    }

    private mutating func endTrailerLine() throws(HTTPRequestError) {
        guard !trailerLine.isEmpty else {
            state = .done
            return
        }
        trailerCount += 1
        guard trailerCount <= limits.maxHeaderCount else { throw .headersTooLarge }
        try Self.checkTrailerField(trailerLine)
        trailerLine.removeAll(keepingCapacity: true)
        state = .trailer
    }

    /// Trailer fields are discarded, but must still be well-formed field lines.
    private static func checkTrailerField(_ line: [UInt8]) throws(HTTPRequestError) {
        guard let colon = line.firstIndex(of: ByteClass.colon), colon > 0 else {
            throw .badRequest("invalid trailer field")
        }
        guard line[..<colon].allSatisfy(ByteClass.isToken),
            line[(colon + 1)...].allSatisfy(ByteClass.isFieldValue)
        else {
            throw .badRequest("invalid trailer field")
        }
    }
}
