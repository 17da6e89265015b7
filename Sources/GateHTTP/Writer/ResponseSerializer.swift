/// Turns an `HTTPResponse` into HTTP/1.1 bytes, adding the framing and housekeeping fields.
enum ResponseSerializer {
    /// How the connection ends after the response, which the `Connection` field must state.
    enum Persistence {
        /// Keep-alive by default (HTTP/1.1): no field needed.
        case keepAlive
        /// Keep-alive that an HTTP/1.0 client asked for: `Connection: keep-alive`.
        case keepAliveExplicit
        /// `Connection: close`.
        case close
    }

    /// Fields the writer sets itself; a responder's copies are dropped.
    private static let ownedFields = ["content-length", "date", "connection", "transfer-encoding"]

    /// The interim response sent for `Expect: 100-continue`.
    static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Appends the serialized response to `output`; HEAD responses get headers but no body.
    static func serialize(
        _ response: HTTPResponse,
        isHead: Bool,
        persistence: Persistence,
        date: [UInt8],
        into output: inout [UInt8]
    ) {
        // A status outside 200...999 (or an interim one) as a final answer is a responder bug: say so.
        let status = (200...999).contains(response.status) ? response.status : 500
        append("HTTP/1.1 ", to: &output)
        output.append(UInt8(0x30 + status / 100))
        output.append(UInt8(0x30 + status / 10 % 10))
        output.append(UInt8(0x30 + status % 10))
        output.append(ByteClass.space)
        append(reasonPhrase(status), to: &output)
        append("\r\n", to: &output)
        for field in response.headers where isSafe(field) {
            output.append(contentsOf: field.name.utf8)
            append(": ", to: &output)
            output.append(contentsOf: field.value.utf8)
            append("\r\n", to: &output)
        }
        let bodyAllowed = status >= 200 && status != 204 && status != 304
        if bodyAllowed {
            append("Content-Length: ", to: &output)
            appendDecimal(response.body.count, to: &output)
            append("\r\n", to: &output)
        }
        append("Date: ", to: &output)
        output.append(contentsOf: date)
        switch persistence {
        case .keepAlive: append("\r\n\r\n", to: &output)
        case .keepAliveExplicit: append("\r\nConnection: keep-alive\r\n\r\n", to: &output)
        case .close: append("\r\nConnection: close\r\n\r\n", to: &output)
        }
        if bodyAllowed, !isHead { output.append(contentsOf: response.body) }
    }

    /// Drops fields the writer owns and any that could split the response.
    private static func isSafe(_ field: HTTPField) -> Bool {
        guard !field.name.isEmpty, field.name.utf8.allSatisfy(ByteClass.isToken),
            field.value.utf8.allSatisfy({ $0 != ByteClass.cr && $0 != ByteClass.lf && $0 != 0 })
        else {
            return false
        }
        return !ownedFields.contains { field.name.caseInsensitiveEquals($0) }
    }

    private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &output) }
        output.append(UInt8(0x30 + value % 10))
    }

    @inline(__always)
    private static func append(_ text: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static func reasonPhrase(_ status: Int) -> StaticString {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 207: "Multi-Status"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }
}
