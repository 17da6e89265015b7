import Testing
@testable import ButlerGate

struct RequestParsingTests {
    @Test(arguments: [
        ("/v1/tasks/a%20b/stop", ["v1", "tasks", "a b", "stop"]),
        ("/healthz", ["healthz"]),
    ])
    func pathSegmentsArePercentDecoded(path: String, segments: [String]) {
        #expect(PathSegments.split(path) == segments)
    }

    @Test(arguments: ["", "/", "/a//b", "/a/", "/a%2fb", "/a%00", "/%e2%28%a1", "/%4"])
    func unsafePathsHaveNoSegments(path: String) {
        #expect(PathSegments.split(path) == nil)
    }

    @Test(arguments: [
        ("application/json", true), ("Application/JSON; charset=UTF-8", true),
        ("application/json;charset=\"utf-8\"", true),
        ("application/json; charset=iso-8859-1", false), ("application/jsonp", false), (nil, false),
    ] as [(String?, Bool)])
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

    @Test func pathRedactorMasksHookSecretsAndKeys() {
        #expect(PathRedactor.redact("/v1/hooks/plex/s3cret") == "/v1/hooks/plex/***")
        #expect(PathRedactor.redact("/v1/tasks/bgk_abc/stop") == "/v1/tasks/***/stop")
        #expect(PathRedactor.redact("/v1/tasks/x/stop") == "/v1/tasks/x/stop")
    }
}
