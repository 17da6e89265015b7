import Glibc

/// A strict, incremental RFC 9112 parser for request heads; it never touches a socket.
///
/// Feed it the bytes buffered for the current request, from the request's first byte, each time
/// more arrive; it only scans the new part. After a head (or a failure), call `reset()`.
public struct HTTPRequestParser: Sendable {
    /// A parsed head plus the connection facts the server derives from it.
    public struct ParsedHead: Sendable {
        public var head: HTTPRequestHead
        /// Whether the connection may stay open after this request.
        public var keepAlive: Bool
        /// Whether the client waits for `100 Continue` before sending the body.
        public var expectsContinue: Bool
    }

    /// The outcome of one `parse` call.
    public enum Outcome: Sendable {
        /// The head is not complete yet.
        case needMore
        /// The head is complete; `consumed` bytes (including the final CRLF) belong to it.
        case head(ParsedHead, consumed: Int)
        /// The head is refused; the connection must be closed after the refusal.
        case failed(HTTPRequestError)
    }

    /// Empty lines tolerated before a request line (RFC 9112 §2.2).
    private static let maxLeadingEmptyLines = 4

    public let limits: HTTPLimits
    private var scanned = 0
    private var lineStart = 0
    private var requestLineStart = 0
    private var fieldsStart: Int?
    private var fieldCount = 0
    private var emptyLinesSkipped = 0

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Forgets the progress of the current request.
    public mutating func reset() {
        self = HTTPRequestParser(limits: limits)
    }

    /// Whether any byte of a request (beyond tolerated empty lines) has been seen.
    public var hasStarted: Bool {
        scanned > requestLineStart || fieldsStart != nil
    }

    /// Parses an array of bytes that starts at the request's first byte.
    public mutating func parse(
        _ bytes: [UInt8],
        remoteAddress: String = "127.0.0.1",
        isTLS: Bool = false
    ) -> Outcome {
        bytes.withUnsafeBufferPointer { parse($0, remoteAddress: remoteAddress, isTLS: isTLS) }
    }

    /// Parses a buffer that starts at the request's first byte and grows between calls.
    public mutating func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        remoteAddress: String = "127.0.0.1",
        isTLS: Bool = false
    ) -> Outcome {
        guard let base = bytes.baseAddress else { return .needMore }
        while scanned < bytes.count {
            let found = memchr(base + scanned, Int32(ByteClass.lf), bytes.count - scanned)
            guard let found else {
                scanned = bytes.count
                return limitExceeded(pendingLineEnd: bytes.count).map { .failed($0) } ?? .needMore
            }
            let newline = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            guard newline > lineStart, bytes[newline - 1] == ByteClass.cr else {
                return .failed(.badRequest("bare LF in header section"))
            }
            if let error = limitExceeded(pendingLineEnd: newline - 1) { return .failed(error) }
            let lineLength = newline - 1 - lineStart
            scanned = newline + 1
            if fieldsStart == nil {
                if lineLength == 0 {
                    emptyLinesSkipped += 1
                    guard emptyLinesSkipped <= Self.maxLeadingEmptyLines else {
                        return .failed(.badRequest("empty lines before request line"))
                    }
                    requestLineStart = scanned
                } else {
                    fieldsStart = scanned
                }
            } else if lineLength == 0 {
                return finish(bytes, end: scanned, remoteAddress: remoteAddress, isTLS: isTLS)
            } else {
                fieldCount += 1
                if fieldCount > limits.maxHeaderCount { return .failed(.headersTooLarge) }
            }
            lineStart = scanned
        }
        return .needMore
    }

    /// The limit a line ending (or still open) at `pendingLineEnd` breaks, if any.
    private func limitExceeded(pendingLineEnd: Int) -> HTTPRequestError? {
        guard let fieldsStart else {
            return pendingLineEnd - requestLineStart > limits.maxRequestLineBytes ? .uriTooLong : nil
        }
        return pendingLineEnd - fieldsStart > limits.maxHeaderBytes ? .headersTooLarge : nil
    }

    private func finish(
        _ bytes: UnsafeBufferPointer<UInt8>,
        end: Int,
        remoteAddress: String,
        isTLS: Bool
    ) -> Outcome {
        guard let fieldsStart else { preconditionFailure("finish before the request line") }
        let section = HeadSectionParser(bytes: bytes)
        do {
            let line = try section.parseRequestLine(requestLineStart..<(fieldsStart - 2))
            let parsed = try section.parseFields(
                fieldsStart..<(end - 2),
                count: fieldCount,
                line: line,
                remoteAddress: remoteAddress,
                isTLS: isTLS
            )
            return .head(parsed, consumed: end)
        } catch {
            return .failed(error)
        }
    }
}
