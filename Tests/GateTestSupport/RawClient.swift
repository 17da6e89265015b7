import Foundation

/// A raw loopback HTTP/1.1 client for tests: sends arbitrary bytes, reads whole responses.
///
/// Plain or TLS (no certificate verification, optional SNI). Every read and write is bounded by a
/// timeout. Calls may come from different threads (e.g. via `runBlocking`), one at a time.
public final class RawClient: @unchecked Sendable {
    // Every public operation holds `lock`, so the socket and buffer are never used concurrently.
    private let lock = NSRecursiveLock()
    private let socket: RawSocket
    private var buffer: [UInt8] = []
    private var peerClosed = false
    /// The default bound for each operation.
    public let timeout: Duration

    /// Connects to `host:port` (loopback), from the IPv4 loopback address `source` when given,
    /// doing the TLS handshake when `tls` is set.
    public init(
        port: Int,
        host: String = "127.0.0.1",
        source: String? = nil,
        tls: Bool = false,
        serverName: String? = nil,
        timeout: Duration = .seconds(5)
    ) throws {
        self.timeout = timeout
        socket = try RawSocket(
            host: host,
            port: port,
            source: source,
            tls: tls,
            serverName: serverName,
            deadline: .now + timeout
        )
    }

    /// Sends `bytes` exactly as given.
    public func send(_ bytes: [UInt8]) throws {
        lock.lock()
        defer { lock.unlock() }
        try socket.write(bytes, deadline: .now + timeout)
    }

    /// Sends the UTF-8 bytes of `text` exactly as given (write `\r\n` yourself).
    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Half-closes the connection: the server sees end of input.
    public func finishSending() {
        lock.lock()
        defer { lock.unlock() }
        socket.shutdownWrite()
    }

    /// Sends a well-formed request (adding `Host` and, with a body, `Content-Length`) and reads the answer.
    public func send(
        method: String = "GET",
        path: String = "/",
        headers: [(String, String)] = [],
        body: [UInt8] = []
    ) throws -> RawResponse {
        lock.lock()
        defer { lock.unlock() }
        var text = "\(method) \(path) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { text += "Host: localhost\r\n" }
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !body.isEmpty { text += "Content-Length: \(body.count)\r\n" }
        try send(Array((text + "\r\n").utf8) + body)
        return try readResponse(isHeadRequest: method == "HEAD")
    }

    /// Reads one full response (an interim 1xx counts as one); the body per Content-Length or chunked.
    public func readResponse(isHeadRequest: Bool = false, timeout: Duration? = nil) throws -> RawResponse {
        lock.lock()
        defer { lock.unlock() }
        let deadline = ContinuousClock.now + (timeout ?? self.timeout)
        let headEnd = try fill(until: deadline) { Self.headEnd(in: $0) }
        var response = try Self.parseHead(Array(buffer[..<headEnd]))
        buffer.removeSubrange(..<headEnd)
        let noBody = isHeadRequest || response.status < 200 || response.status == 204 || response.status == 304
        if noBody { return response }
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            response.body = try readChunked(until: deadline)
        } else if let length = response.header("Content-Length").flatMap(Int.init) {
            _ = try fill(until: deadline) { $0.count >= length ? length : nil }
            response.body = Array(buffer[..<length])
            buffer.removeSubrange(..<length)
        } else {
            response.body = try readUntilClose(timeout: deadline - .now)
        }
        return response
    }

    /// Everything the peer sends until it closes, including bytes already buffered.
    public func readUntilClose(timeout: Duration? = nil) throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        let deadline = ContinuousClock.now + (timeout ?? self.timeout)
        while !peerClosed { try readMore(until: deadline) }
        defer { buffer.removeAll() }
        return buffer
    }

    /// Whether the peer closes the connection within `timeout` (bytes it sends first are discarded).
    public func isClosedByPeer(within timeout: Duration) -> Bool {
        (try? readUntilClose(timeout: timeout)) != nil
    }

    private func readMore(until deadline: ContinuousClock.Instant) throws {
        let bytes = try socket.read(deadline: deadline)
        if bytes.isEmpty { peerClosed = true }
        buffer += bytes
    }

    /// Reads until `complete` finds what it needs in the buffer.
    private func fill(until deadline: ContinuousClock.Instant, _ complete: ([UInt8]) -> Int?) throws -> Int {
        while true {
            if let found = complete(buffer) { return found }
            if peerClosed { throw RawClientError.closed }
            try readMore(until: deadline)
        }
    }

    private static func headEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    private static func parseHead(_ bytes: [UInt8]) throws -> RawResponse {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n").map(String.init)
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1."),
            let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
        else {
            throw RawClientError.malformedResponse("bad status line")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw RawClientError.malformedResponse("bad field") }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.append((String(line[..<colon]), String(value)))
        }
        return RawResponse(status: status, headers: headers, body: [])
    }

    private func readChunked(until deadline: ContinuousClock.Instant) throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let lineEnd = try fill(until: deadline) { Self.lineEnd(in: $0) }
            let sizeText = String(decoding: buffer[..<(lineEnd - 2)], as: UTF8.self)
            buffer.removeSubrange(..<lineEnd)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else {
                throw RawClientError.malformedResponse("bad chunk size")
            }
            if size == 0 {
                while try fill(until: deadline, { Self.lineEnd(in: $0) }) != 2 {
                    buffer.removeSubrange(..<(Self.lineEnd(in: buffer) ?? 0))
                }
                buffer.removeSubrange(..<2)
                return body
            }
            _ = try fill(until: deadline) { $0.count >= size + 2 ? size : nil }
            body += buffer[..<size]
            buffer.removeSubrange(..<(size + 2))
        }
    }

    private static func lineEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 1..<bytes.count where bytes[index] == 10 && bytes[index - 1] == 13 {
            return index + 1
        }
        return nil
    }
}
