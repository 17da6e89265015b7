import GateHTTP
import Testing

struct ChunkedBodyDecoderTests {
    private static func decode(_ raw: String, limit: Int = 1 << 20) throws(HTTPRequestError) -> ([UInt8], Int) {
        var decoder = ChunkedBodyDecoder(maxBodyBytes: limit)
        var body: [UInt8] = []
        let progress = try decoder.decode(Array(raw.utf8), into: &body)
        guard case .done(let consumed) = progress else { throw .badRequest("test: incomplete") }
        return (body, consumed)
    }

    @Test(arguments: [
        ("5\r\nhello\r\n0\r\n\r\n", "hello"),
        ("3\r\nabc\r\nA\r\n0123456789\r\n0\r\n\r\n", "abc0123456789"),
        ("a\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
        ("5;name=value\r\nhello\r\n0;last\r\n\r\n", "hello"),
        ("5 ;ext=\"quoted v\"\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5\r\nhello\r\n0\r\nX-Sum: 1\r\nY: 2\r\n\r\n", "hello"),
        ("0\r\n\r\n", ""),
        ("000005\r\nhello\r\n0\r\n\r\n", "hello"),
    ])
    func decodesValidBodies(_ raw: String, _ expected: String) throws {
        let (body, consumed) = try Self.decode(raw)
        #expect(String(decoding: body, as: UTF8.self) == expected)
        #expect(consumed == raw.utf8.count)
    }

    @Test(arguments: [
        ("\r\nhello\r\n0\r\n\r\n", HTTPRequestError.badRequest("invalid chunk size")),
        ("g\r\n", .badRequest("invalid chunk size")),
        ("5x\r\nhello\r\n", .badRequest("invalid chunk size")),
        ("-5\r\nhello\r\n", .badRequest("invalid chunk size")),
        ("1000000000000000\r\n", .badRequest("chunk size too long")),
        ("5\nhello\r\n0\r\n\r\n", .badRequest("invalid chunk size")),
        ("5\r\rhello\r\n0\r\n\r\n", .badRequest("invalid chunk size line")),
        ("5\r\nhelloX\r\n", .badRequest("missing CRLF after chunk data")),
        ("5\r\nhello\rX", .badRequest("missing CRLF after chunk data")),
        ("5;a\u{1}b\r\nhello\r\n", .badRequest("invalid chunk extension")),
        ("5\r\nhello\r\n0\r\nnot a field\r\n\r\n", .badRequest("invalid trailer field")),
        ("5\r\nhello\r\n0\r\nX: y\n\r\n", .badRequest("bare LF in trailer section")),
        ("5\r\nhello\r\n0\r\n\n", .badRequest("bare LF in trailer section")),
        ("5;\(String(repeating: "e", count: 1100))\r\n", .badRequest("chunk extension too long")),
    ])
    func rejectsMalformedBodies(_ raw: String, _ expected: HTTPRequestError) {
        #expect(throws: expected) { try Self.decode(raw) }
    }

    @Test
    func refusesAsSoonAsTheLimitIsExceeded() {
        var decoder = ChunkedBodyDecoder(maxBodyBytes: 8)
        var body: [UInt8] = []
        #expect(throws: HTTPRequestError.bodyTooLarge) {
            _ = try decoder.decode(Array("5\r\nhello\r\n5\r\n".utf8), into: &body)
        }
        #expect(body.count == 5)
    }

    @Test
    func byteByByteFeedingDecodesAndStopsAtTheEnd() throws {
        let raw = Array("4;x=y\r\nWiki\r\n5\r\npedia\r\n0\r\nT: v\r\n\r\nGET /next".utf8)
        var decoder = ChunkedBodyDecoder(maxBodyBytes: 100)
        var body: [UInt8] = []
        var total = 0
        for byte in raw {
            let progress = try decoder.decode([byte], into: &body)
            if case .done(let consumed) = progress {
                total += consumed
                break
            }
            guard case .needMore(let consumed) = progress else { return }
            total += consumed
        }
        #expect(String(decoding: body, as: UTF8.self) == "Wikipedia")
        #expect(total == raw.count - "GET /next".utf8.count)
        #expect(decoder.decodedBytes == 9)
    }

    @Test
    func tooManyTrailerFieldsAreRefused() {
        let limits = HTTPLimits(maxHeaderCount: 2)
        var decoder = ChunkedBodyDecoder(maxBodyBytes: 100, limits: limits)
        var body: [UInt8] = []
        #expect(throws: HTTPRequestError.headersTooLarge) {
            _ = try decoder.decode(Array("0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n".utf8), into: &body)
        }
    }
}
