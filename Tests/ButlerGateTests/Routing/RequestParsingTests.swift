import Testing

@testable import ButlerGate

struct RequestParsingTests {
    @Test(
        arguments: [
            ("application/json", true), ("Application/JSON; charset=UTF-8", true),
            ("application/json;charset=\"utf-8\"", true),
            ("application/json; charset=iso-8859-1", false), ("application/jsonp", false), (nil, false),
        ] as [(String?, Bool)]
    )
    func onlyJSONMediaTypesAreAccepted(contentType: String?, accepted: Bool) {
        #expect(RequestBody.isJSON(contentType) == accepted)
    }

    @Test func emptyBodyNeedsNoMediaType() throws {
        let body = try RequestBody.parse([], contentType: nil, fields: ["servers"])
        #expect(body == RequestBody())
    }

    @Test(arguments: [("servers=a,b", ["a", "b"]), ("servers=a%2Cb", ["a,b"]), ("", nil)] as [(String, [String]?)])
    func serversQueryIsSplitOnCommas(query: String, servers: [String]?) throws {
        #expect(try ServersQuery.parse(query) == servers)
    }
}
