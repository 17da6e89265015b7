import Testing

@testable import GateHTTP

struct ResponseSerializerTests {
    private static let date = Array("Fri, 04 Dec 2026 16:00:00 GMT".utf8)

    private static func serialize(
        _ response: HTTPResponse,
        isHead: Bool = false,
        persistence: ResponseSerializer.Persistence = .keepAlive
    ) -> String {
        var output: [UInt8] = []
        ResponseSerializer.serialize(response, isHead: isHead, persistence: persistence, date: date, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test
    func writesStatusFieldsLengthDateAndBody() {
        let response = HTTPResponse(status: 201, headers: HTTPHeaders([("X-A", "1")]), body: Array("abc".utf8))
        #expect(
            Self.serialize(response) == "HTTP/1.1 201 Created\r\nX-A: 1\r\nContent-Length: 3\r\n"
                + "Date: Fri, 04 Dec 2026 16:00:00 GMT\r\n\r\nabc"
        )
    }

    @Test(arguments: [
        (ResponseSerializer.Persistence.close, "Connection: close\r\n"),
        (.keepAliveExplicit, "Connection: keep-alive\r\n"),
    ])
    func statesHowTheConnectionContinues(_ persistence: ResponseSerializer.Persistence, _ field: String) {
        #expect(Self.serialize(HTTPResponse(status: 200), persistence: persistence).contains(field))
    }

    @Test
    func headResponsesKeepTheLengthButNotTheBody() {
        let text = Self.serialize(HTTPResponse(status: 200, body: Array("hello".utf8)), isHead: true)
        #expect(text.contains("Content-Length: 5\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test(arguments: [204, 304])
    func bodylessStatusesHaveNoLengthOrBody(_ status: Int) {
        let text = Self.serialize(HTTPResponse(status: status, body: Array("x".utf8)))
        #expect(!text.contains("Content-Length"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test
    func dropsWriterOwnedAndUnsafeFields() {
        let headers = HTTPHeaders([
            ("Content-Length", "99"), ("connection", "keep-alive"), ("Transfer-Encoding", "chunked"),
            ("X-Split", "a\r\nSet-Cookie: evil"), ("Bad Name", "v"), ("X-Ok", "fine"),
        ])
        let text = Self.serialize(HTTPResponse(status: 200, headers: headers, body: Array("ab".utf8)))
        #expect(!text.contains("99"))
        #expect(!text.contains("evil"))
        #expect(!text.contains("chunked"))
        #expect(!text.contains("Bad Name"))
        #expect(!text.contains("keep-alive"))
        #expect(text.contains("X-Ok: fine\r\n"))
        #expect(text.contains("Content-Length: 2\r\n"))
    }

    @Test(arguments: [0, 99, 100, 1000])
    func invalidFinalStatusesBecome500(_ status: Int) {
        #expect(Self.serialize(HTTPResponse(status: status)).hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
    }

    @Test(arguments: [
        (200, "OK"), (202, "Accepted"), (204, "No Content"), (207, "Multi-Status"), (400, "Bad Request"),
        (401, "Unauthorized"), (403, "Forbidden"), (404, "Not Found"), (405, "Method Not Allowed"),
        (408, "Request Timeout"), (413, "Content Too Large"), (414, "URI Too Long"),
        (415, "Unsupported Media Type"), (429, "Too Many Requests"), (431, "Request Header Fields Too Large"),
        (500, "Internal Server Error"), (501, "Not Implemented"), (502, "Bad Gateway"),
        (503, "Service Unavailable"), (504, "Gateway Timeout"), (505, "HTTP Version Not Supported"),
    ])
    func everyStatusTheProductUsesHasItsReasonPhrase(_ status: Int, _ phrase: String) {
        #expect(Self.serialize(HTTPResponse(status: status)).hasPrefix("HTTP/1.1 \(status) \(phrase)\r\n"))
    }
}
