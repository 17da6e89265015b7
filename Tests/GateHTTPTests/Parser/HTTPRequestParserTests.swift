import GateHTTP
import Testing

struct HTTPRequestParserTests {
    struct AcceptCase: Sendable, CustomTestStringConvertible {
        var label: String
        var raw: String
        var method = "GET"
        var target = "/"
        var minorVersion = 1
        var contentLength: Int?
        var isChunked = false
        var keepAlive = true
        var expectsContinue = false
        var testDescription: String { label }
    }

    struct RejectCase: Sendable, CustomTestStringConvertible {
        var label: String
        var raw: String
        var error: HTTPRequestError
        var testDescription: String { label }
    }

    static let accepted: [AcceptCase] = [
        AcceptCase(label: "simple GET", raw: "GET / HTTP/1.1\r\nHost: a\r\n\r\n"),
        AcceptCase(label: "HTTP/1.0 without Host", raw: "GET / HTTP/1.0\r\n\r\n", minorVersion: 0, keepAlive: false),
        AcceptCase(
            label: "HTTP/1.0 keep-alive",
            raw: "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
            minorVersion: 0,
            keepAlive: true
        ),
        AcceptCase(
            label: "Connection close",
            raw: "GET / HTTP/1.1\r\nHost: a\r\nConnection: foo, close\r\n\r\n",
            keepAlive: false
        ),
        AcceptCase(
            label: "Connection close with OWS and empty options",
            raw: "GET / HTTP/1.1\r\nHost: a\r\nConnection: , \tCLOSE\t,\r\n\r\n",
            keepAlive: false
        ),
        AcceptCase(
            label: "Connection option that only starts like close",
            raw: "GET / HTTP/1.1\r\nHost: a\r\nConnection: closed, xclose\r\n\r\n"
        ),
        AcceptCase(
            label: "HTTP/1.0 keep-alive among options",
            raw: "GET / HTTP/1.0\r\nConnection: Upgrade ,keep-alive\r\n\r\n",
            minorVersion: 0,
            keepAlive: true
        ),
        AcceptCase(
            label: "OPTIONS asterisk",
            raw: "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
            method: "OPTIONS",
            target: "*"
        ),
        AcceptCase(
            label: "absolute form",
            raw: "GET http://a/x?y HTTP/1.1\r\nHost: a\r\n\r\n",
            target: "http://a/x?y"
        ),
        AcceptCase(label: "leading empty line", raw: "\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n", target: "/x"),
        AcceptCase(label: "OWS and tabs around value", raw: "GET / HTTP/1.1\r\nHost:\t a \t\r\nX-Y:z\r\n\r\n"),
        AcceptCase(label: "empty field value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-Empty:\r\n\r\n"),
        AcceptCase(label: "obs-text in value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX: caf\u{E9}\r\n\r\n"),
        AcceptCase(
            label: "content length",
            raw: "POST /p?q=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\n\r\n",
            method: "POST",
            target: "/p?q=1",
            contentLength: 12
        ),
        AcceptCase(
            label: "chunked in any case",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n",
            method: "POST",
            isChunked: true
        ),
        AcceptCase(
            label: "expect continue",
            raw: "PUT / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n",
            method: "PUT",
            contentLength: 1,
            expectsContinue: true
        ),
        AcceptCase(
            label: "extension method",
            raw: "PURGE /c HTTP/1.1\r\nHost: a\r\n\r\n",
            method: "PURGE",
            target: "/c"
        ),
    ]

    static let rejected: [RejectCase] = [
        RejectCase(
            label: "bare LF after request line",
            raw: "GET / HTTP/1.1\nHost: a\r\n\r\n",
            error: .badRequest("bare LF in header section")
        ),
        RejectCase(
            label: "bare LF ending head",
            raw: "GET / HTTP/1.1\r\nHost: a\r\n\n",
            error: .badRequest("bare LF in header section")
        ),
        RejectCase(
            label: "bare CR in value",
            raw: "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n",
            error: .badRequest("invalid field value")
        ),
        RejectCase(
            label: "obs-fold",
            raw: "GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n",
            error: .badRequest("obsolete line folding")
        ),
        RejectCase(
            label: "whitespace before colon",
            raw: "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
            error: .badRequest("whitespace before colon")
        ),
        RejectCase(
            label: "invalid field name",
            raw: "GET / HTTP/1.1\r\nHo(st: a\r\n\r\n",
            error: .badRequest("invalid field name")
        ),
        RejectCase(
            label: "empty field name",
            raw: "GET / HTTP/1.1\r\n: a\r\n\r\n",
            error: .badRequest("invalid field name")
        ),
        RejectCase(
            label: "NUL in value",
            raw: "GET / HTTP/1.1\r\nHost: a\u{0}b\r\n\r\n",
            error: .badRequest("invalid field value")
        ),
        RejectCase(
            label: "signed content length",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n",
            error: .badRequest("invalid Content-Length")
        ),
        RejectCase(
            label: "list content length",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5,5\r\n\r\n",
            error: .badRequest("invalid Content-Length")
        ),
        RejectCase(
            label: "huge content length",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9999999999999999999\r\n\r\n",
            error: .badRequest("invalid Content-Length")
        ),
        RejectCase(
            label: "different content lengths",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
            error: .badRequest("duplicate Content-Length")
        ),
        RejectCase(
            label: "identical repeated content length",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\n",
            error: .badRequest("duplicate Content-Length")
        ),
        RejectCase(
            label: "content length with chunked",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
            error: .badRequest("Content-Length with Transfer-Encoding")
        ),
        RejectCase(
            label: "gzip transfer coding",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
            error: .notImplemented
        ),
        RejectCase(
            label: "chunked listed twice",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n",
            error: .notImplemented
        ),
        RejectCase(
            label: "transfer encoding in 1.0",
            raw: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
            error: .badRequest("Transfer-Encoding in HTTP/1.0")
        ),
        RejectCase(
            label: "missing Host",
            raw: "GET / HTTP/1.1\r\nX: y\r\n\r\n",
            error: .badRequest("missing or repeated Host")
        ),
        RejectCase(
            label: "two Hosts",
            raw: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            error: .badRequest("missing or repeated Host")
        ),
        RejectCase(label: "HTTP/2.0", raw: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", error: .versionNotSupported),
        RejectCase(label: "HTTP/1.2", raw: "GET / HTTP/1.2\r\nHost: a\r\n\r\n", error: .versionNotSupported),
        RejectCase(
            label: "lowercase version",
            raw: "GET / http/1.1\r\nHost: a\r\n\r\n",
            error: .badRequest("invalid HTTP version")
        ),
        RejectCase(
            label: "trailing junk after version",
            raw: "GET / HTTP/1.1 \r\nHost: a\r\n\r\n",
            error: .badRequest("invalid HTTP version")
        ),
        RejectCase(
            label: "bad method char",
            raw: "G(T / HTTP/1.1\r\nHost: a\r\n\r\n",
            error: .badRequest("invalid method")
        ),
        RejectCase(
            label: "double space",
            raw: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
            error: .badRequest("invalid request target")
        ),
        RejectCase(
            label: "relative target",
            raw: "GET x HTTP/1.1\r\nHost: a\r\n\r\n",
            error: .badRequest("invalid request target")
        ),
        RejectCase(
            label: "control in target",
            raw: "GET /a\u{1}b HTTP/1.1\r\nHost: a\r\n\r\n",
            error: .badRequest("invalid request target")
        ),
    ]

    private static func parseWhole(_ raw: String, limits: HTTPLimits = HTTPLimits()) -> HTTPRequestParser.Outcome {
        var parser = HTTPRequestParser(limits: limits)
        return parser.parse(Array(raw.utf8))
    }

    @Test(arguments: accepted)
    func acceptsValidHead(_ test: AcceptCase) throws {
        let bytes = Array(test.raw.utf8)
        guard case .head(let parsed, let consumed) = Self.parseWhole(test.raw) else {
            Issue.record("refused \(test.label)")
            return
        }
        #expect(consumed == bytes.count)
        #expect(parsed.head.method == test.method)
        #expect(parsed.head.target == test.target)
        #expect(parsed.head.minorVersion == test.minorVersion)
        #expect(parsed.head.contentLength == test.contentLength)
        #expect(parsed.head.isChunked == test.isChunked)
        #expect(parsed.keepAlive == test.keepAlive)
        #expect(parsed.expectsContinue == test.expectsContinue)
    }

    @Test(arguments: rejected)
    func rejectsInvalidHead(_ test: RejectCase) {
        guard case .failed(let error) = Self.parseWhole(test.raw) else {
            Issue.record("accepted \(test.label)")
            return
        }
        #expect(error == test.error)
    }

    @Test(arguments: accepted.map(\.raw) + rejected.map(\.raw))
    func byteByByteFeedingMatchesWholeParse(_ raw: String) {
        let bytes = Array(raw.utf8)
        var parser = HTTPRequestParser()
        var result = HTTPRequestParser.Outcome.needMore
        for end in 1...bytes.count {
            result = parser.parse(Array(bytes[..<end]))
            if case .needMore = result { continue }
            break
        }
        #expect(String(describing: result) == String(describing: Self.parseWhole(raw)))
    }

    @Test
    func parsedHeadKeepsFieldsPathAndQuery() throws {
        let raw = "GET /v1/x?servers=a HTTP/1.1\r\nHost: gate\r\nX-Api-Key: k1\r\n\r\nNEXT"
        guard case .head(let parsed, let consumed) = Self.parseWhole(raw) else {
            Issue.record("refused")
            return
        }
        #expect(consumed == raw.utf8.count - 4)
        #expect(parsed.head.path == "/v1/x")
        #expect(parsed.head.query == "servers=a")
        #expect(parsed.head.headers["x-api-key"] == "k1")
        #expect(parsed.head.headers.fields.count == 2)
    }

    @Test(arguments: [
        ("GET /\(String(repeating: "a", count: 100)) HTTP/1.1\r\nHost: a\r\n\r\n", HTTPRequestError.uriTooLong),
        ("GET /\(String(repeating: "a", count: 100))", .uriTooLong),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "b", count: 300))\r\n\r\n", .headersTooLarge),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "b", count: 300))", .headersTooLarge),
        ("GET / HTTP/1.1\r\n" + String(repeating: "X: y\r\n", count: 6) + "\r\n", .headersTooLarge),
    ])
    func enforcesLineHeaderAndCountLimits(_ raw: String, _ expected: HTTPRequestError) {
        let limits = HTTPLimits(maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 5)
        guard case .failed(let error) = Self.parseWhole(raw, limits: limits) else {
            Issue.record("not refused")
            return
        }
        #expect(error == expected)
    }

    @Test
    func headsWithinLimitsPass() {
        let limits = HTTPLimits(maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 5)
        let raw =
            "GET /\(String(repeating: "a", count: 40)) HTTP/1.1\r\n" + String(repeating: "X: y\r\n", count: 4)
            + "Host: a\r\n\r\n"
        guard case .head = Self.parseWhole(raw, limits: limits) else {
            Issue.record("refused a head within limits")
            return
        }
    }

    @Test(arguments: [
        ("http://a/x?y", "/x", "y"), ("https://a:8443", "/", nil), ("http://a?q=1", "/", "q=1"),
        ("HTTP://a/b/c", "/b/c", nil),
    ])
    func absoluteFormTargetsGetOriginPaths(_ target: String, _ path: String, _ query: String?) {
        guard case .head(let parsed, _) = Self.parseWhole("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n") else {
            Issue.record("refused \(target)")
            return
        }
        #expect(parsed.head.target == target)
        #expect(parsed.head.path == path)
        #expect(parsed.head.query == query)
    }

    @Test
    func resetParsesTheNextRequest() {
        var parser = HTTPRequestParser()
        let first = Array("GET /1 HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        guard case .head = parser.parse(first) else {
            Issue.record("first refused")
            return
        }
        parser.reset()
        #expect(!parser.hasStarted)
        guard case .head(let parsed, _) = parser.parse(Array("GET /2 HTTP/1.1\r\nHost: a\r\n\r\n".utf8)) else {
            Issue.record("second refused")
            return
        }
        #expect(parsed.head.path == "/2")
    }
}
