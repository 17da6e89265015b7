/// Collects the final response's header fields and a capped body as curl hands them over.
struct ResponseAccumulator {
    /// Body bytes kept; the rest is refused.
    let maxBodyBytes: Int
    /// The fields of the latest response seen so far.
    private(set) var headers: [(name: String, value: String)] = []
    /// The body so far, at most `maxBodyBytes` long.
    private(set) var body: [UInt8] = []
    /// Set once the body reached the cap and curl was told to stop reading.
    private(set) var truncated = false
    /// The latest status line's code when it is final (not 1xx); nil until such a line arrived.
    private(set) var finalStatus: Int?

    /// An empty accumulator keeping at most `maxBodyBytes` of body.
    init(maxBodyBytes: Int) {
        self.maxBodyBytes = max(0, maxBodyBytes)
    }

    /// Takes one raw header line (with its line ending); a status line starts a new response.
    mutating func headerLine(_ line: UnsafeRawBufferPointer) {
        let text = String(decoding: line, as: UTF8.self)
        // Interim (1xx) and redirect responses come first; only the last one's fields count.
        if text.hasPrefix("HTTP/") {
            headers.removeAll(keepingCapacity: true)
            finalStatus = Self.statusCode(text).flatMap { $0 >= 200 ? $0 : nil }
            return
        }
        let trimmed = text.trimmingHTTPWhitespace()
        guard !trimmed.isEmpty else {
            return
        }
        if text.first == " " || text.first == "\t" {
            foldIntoLastValue(trimmed)
        } else if let colon = trimmed.firstIndex(of: ":") {
            let name = String(trimmed[..<colon])
            let value = String(trimmed[trimmed.index(after: colon)...]).trimmingHTTPWhitespace()
            headers.append((name: name, value: value))
        }
    }

    /// Takes a body chunk; returns false once the cap is reached, so curl stops reading.
    mutating func bodyChunk(_ chunk: UnsafeRawBufferPointer) -> Bool {
        let room = maxBodyBytes - body.count
        body.append(contentsOf: chunk.prefix(room))
        if chunk.count > room {
            truncated = true
            return false
        }
        return true
    }

    /// The last `Content-Type` field, if any.
    var contentType: String? {
        headers.last { $0.name.lowercased() == "content-type" }?.value
    }

    /// The three-digit code of a status line such as `HTTP/1.1 200 OK`, if it has one.
    static func statusCode(_ statusLine: String) -> Int? {
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2 else {
            return nil
        }
        let digits = String(parts[1]).trimmingHTTPWhitespace()
        guard digits.count == 3, digits.allSatisfy(\.isASCII), let code = Int(digits), code >= 100 else {
            return nil
        }
        return code
    }

    private mutating func foldIntoLastValue(_ continuation: String) {
        guard let last = headers.indices.last else {
            return
        }
        headers[last].value += " " + continuation
    }
}

extension String {
    /// Drops leading and trailing spaces, tabs, CR and LF.
    func trimmingHTTPWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
