import Testing

@testable import ButlerGate

struct PathSegmentsTests {
    @Test(arguments: [
        ("/v1/tasks/a%20b/stop", ["v1", "tasks", "a b", "stop"]),
        ("/healthz", ["healthz"]),
        ("/" + String(repeating: "a", count: 128), [String(repeating: "a", count: 128)]),
    ])
    func pathSegmentsArePercentDecoded(path: String, segments: [String]) {
        #expect(PathSegments.split(path) == segments.map(SuppliedName.text))
    }

    @Test(arguments: [
        "", "/", "/a//b", "/a/", "/a%2fb", "/a/..", "/a/%2E%2E", "/./a", "/a%2F%00", "relative/path",
    ])
    func pathsNoRouteCanHaveNoSegments(path: String) {
        #expect(PathSegments.split(path) == nil)
    }

    @Test(arguments: [
        "/a%00", "/%e2%28%a1", "/%4", "/%zz", "/a%0Ab", "/a%7F", "/" + String(repeating: "a", count: 129),
    ])
    func segmentsThatAreNoNameAreUnreadableButKeepThePathShape(path: String) {
        #expect(PathSegments.split(path) == [.unreadable])
        #expect(PathSegments.split("/v1" + path + "/stop") == [.text("v1"), .unreadable, .text("stop")])
    }

    @Test(arguments: [
        ("%62gk_x", "bgk_x", false), ("100%", "100%", true), ("%zz%41", "%zzA", true), ("%2562", "%62", false),
    ])
    func percentDecodingIsLenientAndReportsMalformedEscapes(raw: String, decoded: String, malformed: Bool) {
        let result = PathSegments.percentDecoded(Array(raw.utf8))
        #expect(String(decoding: result.bytes, as: UTF8.self) == decoded)
        #expect(result.malformed == malformed)
    }
}
