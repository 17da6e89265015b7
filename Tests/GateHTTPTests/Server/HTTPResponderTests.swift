import GateHTTP
import Testing

struct HTTPResponderTests {
    @Test(arguments: [
        (HTTPRequestError.httpsRequired, 400, "This port speaks HTTPS; use https://\n"),
        (.badRequest("bare LF in header section"), 400, "request refused\n"),
        (.requestTimeout, 408, "request refused\n"),
        (.headersTooLarge, 431, "request refused\n"),
    ])
    func defaultRejectIsPlainTextThatClosesTheConnection(_ error: HTTPRequestError, _ status: Int, _ text: String) {
        let connection = HTTPConnectionInfo(remoteAddress: "127.0.0.1", isTLS: false)
        let response = NoContentResponder().reject(error, head: nil, connection: connection)
        #expect(response.status == status)
        #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self) == text)
        #expect(response.closesConnection)
    }
}
