/// Validates a complete head section (request line and field lines) and builds the head.
struct HeadSectionParser {
    /// The three parts of a request line.
    struct RequestLine {
        var method: String
        var target: String
        var minorVersion: Int
    }

    /// What the framing and connection fields said, gathered while reading the fields.
    private struct FramingFacts {
        var contentLength: Int?
        var transferEncoding: [UInt8]?
        var transferEncodingCount = 0
        var hostCount = 0
        var close = false
        var keepAlive = false
        var expectsContinue = false
    }

    let bytes: UnsafeBufferPointer<UInt8>

    /// Parses `method SP request-target SP HTTP-version` over `range` (without CRLF).
    func parseRequestLine(_ range: Range<Int>) throws(HTTPRequestError) -> RequestLine {
        var index = range.lowerBound
        while index < range.upperBound, ByteClass.isToken(bytes[index]) { index += 1 }
        guard index > range.lowerBound, index < range.upperBound, bytes[index] == ByteClass.space else {
            throw .badRequest("invalid method")
        }
        let method = string(range.lowerBound..<index)
        let targetStart = index + 1
        index = targetStart
        while index < range.upperBound, ByteClass.isTargetChar(bytes[index]) { index += 1 }
        guard index > targetStart, index < range.upperBound, bytes[index] == ByteClass.space else {
            throw .badRequest("invalid request target")
        }
        let targetRange = targetStart..<index
        try checkTargetForm(targetRange, method: method)
        let minor = try parseVersion((index + 1)..<range.upperBound)
        return RequestLine(method: method, target: string(targetRange), minorVersion: minor)
    }

    /// Parses the `count` field lines over `range` (each ending in CRLF) and applies the framing rules.
    func parseFields(
        _ range: Range<Int>,
        count: Int,
        line: RequestLine,
        remoteAddress: String,
        isTLS: Bool
    ) throws(HTTPRequestError) -> HTTPRequestParser.ParsedHead {
        var fields: [HTTPField] = []
        fields.reserveCapacity(count)
        var facts = FramingFacts()
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while bytes[lineEnd] != ByteClass.lf { lineEnd += 1 }
            let (name, value) = try splitField(lineStart..<(lineEnd - 1))
            try note(name: name, value: value, into: &facts, minorVersion: line.minorVersion)
            fields.append(HTTPField(name: string(name), value: string(value)))
            lineStart = lineEnd + 1
        }
        let isChunked = try checkFraming(facts, minorVersion: line.minorVersion)
        var head = HTTPRequestHead(
            method: line.method,
            target: line.target,
            minorVersion: line.minorVersion,
            headers: HTTPHeaders(fields),
            contentLength: facts.contentLength,
            isChunked: isChunked,
            remoteAddress: remoteAddress,
            isTLS: isTLS
        )
        if !line.target.hasPrefix("/"), line.target != "*" { Self.useOriginForm(of: line.target, in: &head) }
        let keepAlive = line.minorVersion == 1 ? !facts.close : (facts.keepAlive && !facts.close)
        return HTTPRequestParser.ParsedHead(
            head: head,
            keepAlive: keepAlive,
            expectsContinue: facts.expectsContinue && line.minorVersion == 1
        )
    }

    /// Routes see the same `path` and `query` for `http://host/p?q` as for `/p?q` (RFC 9112 §3.2.2).
    private static func useOriginForm(of target: String, in head: inout HTTPRequestHead) {
        // checkTargetForm admitted only `http://` and `https://`, so the authority follows the colon.
        guard let colon = target.firstIndex(of: ":") else { return }
        let afterAuthority = target[colon...].dropFirst(3).drop { $0 != "/" && $0 != "?" }
        let origin = afterAuthority.hasPrefix("/") ? String(afterAuthority) : "/" + afterAuthority
        let parts = origin.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        head.path = String(parts[0])
        head.query = parts.count > 1 ? String(parts[1]) : nil
    }

    private func checkTargetForm(_ range: Range<Int>, method: String) throws(HTTPRequestError) {
        let first = bytes[range.lowerBound]
        if first == UInt8(ascii: "/") { return }
        if first == UInt8(ascii: "*"), range.count == 1, method == "OPTIONS" { return }
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        let lowered = slice.prefix(8).map(asciiLower)
        if lowered.starts(with: Array("http://".utf8)) || lowered.starts(with: Array("https://".utf8)) { return }
        throw .badRequest("invalid request target")
    }

    private func parseVersion(_ range: Range<Int>) throws(HTTPRequestError) -> Int {
        guard range.count == 8,
            UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<(range.lowerBound + 5)])
                .elementsEqual("HTTP/".utf8)
        else {
            throw .badRequest("invalid HTTP version")
        }
        let major = bytes[range.lowerBound + 5]
        let dot = bytes[range.lowerBound + 6]
        let minor = bytes[range.lowerBound + 7]
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard isDigit(major), dot == UInt8(ascii: "."), isDigit(minor) else {
            throw .badRequest("invalid HTTP version")
        }
        guard major == UInt8(ascii: "1"), minor <= UInt8(ascii: "1") else { throw .versionNotSupported }
        return Int(minor - 0x30)
    }

    /// Splits `name: OWS value OWS`, rejecting obs-fold, whitespace before the colon and bad bytes.
    private func splitField(_ range: Range<Int>) throws(HTTPRequestError) -> (Range<Int>, Range<Int>) {
        if ByteClass.isBlank(bytes[range.lowerBound]) { throw .badRequest("obsolete line folding") }
        var index = range.lowerBound
        while index < range.upperBound, ByteClass.isToken(bytes[index]) { index += 1 }
        guard index < range.upperBound, bytes[index] == ByteClass.colon else {
            if index < range.upperBound, ByteClass.isBlank(bytes[index]) {
                throw .badRequest("whitespace before colon")
            }
            throw .badRequest("invalid field name")
        }
        guard index > range.lowerBound else { throw .badRequest("invalid field name") }
        let name = range.lowerBound..<index
        var start = index + 1
        var end = range.upperBound
        while start < end, ByteClass.isBlank(bytes[start]) { start += 1 }
        while end > start, ByteClass.isBlank(bytes[end - 1]) { end -= 1 }
        for position in start..<end where !ByteClass.isFieldValue(bytes[position]) {
            throw .badRequest("invalid field value")
        }
        return (name, start..<end)
    }

    private func note(
        name: Range<Int>,
        value: Range<Int>,
        into facts: inout FramingFacts,
        minorVersion: Int
    ) throws(HTTPRequestError) {
        let nameBytes = UnsafeBufferPointer(rebasing: bytes[name])
        let valueBytes = UnsafeBufferPointer(rebasing: bytes[value])
        switch nameBytes.count {
        case 4 where ByteClass.equalsIgnoringCase(nameBytes, "host"):
            facts.hostCount += 1
        case 6 where ByteClass.equalsIgnoringCase(nameBytes, "expect"):
            facts.expectsContinue =
                facts.expectsContinue
                || ByteClass.equalsIgnoringCase(valueBytes, "100-continue")
        case 10 where ByteClass.equalsIgnoringCase(nameBytes, "connection"):
            noteConnectionOptions(valueBytes, into: &facts)
        case 14 where ByteClass.equalsIgnoringCase(nameBytes, "content-length"):
            // Any second field is refused, equal or not: a proxy in front may have read the other one.
            guard facts.contentLength == nil else { throw .badRequest("duplicate Content-Length") }
            facts.contentLength = try parseContentLength(valueBytes)
        case 17 where ByteClass.equalsIgnoringCase(nameBytes, "transfer-encoding"):
            facts.transferEncodingCount += 1
            facts.transferEncoding = Array(valueBytes)
        default:
            break
        }
    }

    private func noteConnectionOptions(_ value: UnsafeBufferPointer<UInt8>, into facts: inout FramingFacts) {
        var start = 0
        while start <= value.count {
            let end = value[start...].firstIndex(of: UInt8(ascii: ",")) ?? value.count
            var lower = start
            var upper = end
            while lower < upper, ByteClass.isBlank(value[lower]) { lower += 1 }
            while upper > lower, ByteClass.isBlank(value[upper - 1]) { upper -= 1 }
            let token = UnsafeBufferPointer(rebasing: value[lower..<upper])
            if ByteClass.equalsIgnoringCase(token, "close") { facts.close = true }
            if ByteClass.equalsIgnoringCase(token, "keep-alive") { facts.keepAlive = true }
            start = end + 1
        }
    }

    private func parseContentLength(_ value: UnsafeBufferPointer<UInt8>) throws(HTTPRequestError) -> Int {
        guard !value.isEmpty, value.count <= 18 else { throw .badRequest("invalid Content-Length") }
        var length = 0
        for byte in value {
            guard byte >= 0x30, byte <= 0x39 else { throw .badRequest("invalid Content-Length") }
            length = length * 10 + Int(byte - 0x30)
        }
        return length
    }

    /// Applies RFC 9112 §6 framing rules; returns whether the body is chunked.
    private func checkFraming(_ facts: FramingFacts, minorVersion: Int) throws(HTTPRequestError) -> Bool {
        if minorVersion == 1, facts.hostCount != 1 { throw .badRequest("missing or repeated Host") }
        if facts.hostCount > 1 { throw .badRequest("missing or repeated Host") }
        guard let encoding = facts.transferEncoding else { return false }
        if facts.contentLength != nil { throw .badRequest("Content-Length with Transfer-Encoding") }
        if minorVersion == 0 { throw .badRequest("Transfer-Encoding in HTTP/1.0") }
        let isChunked = encoding.withUnsafeBufferPointer { ByteClass.equalsIgnoringCase($0, "chunked") }
        guard facts.transferEncodingCount == 1, isChunked else { throw .notImplemented }
        return true
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
