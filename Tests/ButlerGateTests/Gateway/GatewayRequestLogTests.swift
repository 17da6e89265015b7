import GateHTTP
import Testing

@testable import ButlerGate

struct GatewayRequestLogTests {
    private static let peer = HTTPConnectionInfo(remoteAddress: "::1", isTLS: true)

    @Test func callerRequestIDIsEchoedOnResponseAndLogs() async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/tasks/Nope/stop", headers: [("X-Request-ID", "ha-42.x_y")])
        #expect(response.headers["X-Request-ID"] == "ha-42.x_y")
        #expect(response.json["requestId"] as? String == "ha-42.x_y")
        #expect(harness.logs.recorded.allSatisfy { $0.metadata["request.id"] == "ha-42.x_y" })
        harness.expectNoSecrets()
    }

    @Test(arguments: ["", "has space", "semi;colon", String(repeating: "a", count: 129), "line\nbreak"])
    func unsafeRequestIDIsReplaced(supplied: String) async throws {
        let harness = GatewayHarness()
        let response = await harness.send("GET", "/v1/tasks", headers: [("X-Request-ID", supplied)])
        let id = try #require(response.headers["X-Request-ID"])
        #expect(id != supplied)
        #expect(id.count == 32)
        harness.expectNoSecrets()
    }

    @Test func everyKindOfResponseCarriesARequestID() async {
        let harness = GatewayHarness()
        let responses = [
            await harness.send("GET", "/healthz", key: nil),
            await harness.send("GET", "/v1/tasks", key: nil),
            await harness.send("DELETE", "/v1/tasks"),
            await harness.send("POST", "/v1/tasks/BackupDatabase/stop"),
            harness.gateway.reject(.headersTooLarge, head: nil, connection: Self.peer),
        ]
        #expect(responses.allSatisfy { $0.headers["X-Request-ID"] != nil })
        harness.expectNoSecrets()
    }

    @Test func exactlyOneAccessLinePerRequestOnEveryPath() async throws {
        let harness = GatewayHarness(limits: LimitsConfig(maxBodyBytes: 10))
        _ = await harness.send("GET", "/healthz", key: nil)
        _ = await harness.send("GET", "/v1/tasks", key: "bgk_wrong")
        _ = await harness.send("POST", "/v1/stop", declaredLength: 11)
        _ = await harness.send("POST", "/v1/tasks/BackupDatabase/stop?servers=den")
        _ = await harness.send("POST", "/v1/tasks/Nope/stop")
        let head = HTTPRequestHead(method: "POST", target: "/v1/hooks/plex/hook-secret-123?x=1")
        harness.note(harness.gateway.reject(.bodyTooLarge, head: head, connection: Self.peer))
        harness.note(harness.gateway.reject(.badRequest("bad request line"), head: nil, connection: Self.peer))
        let lines = harness.accessLines
        #expect(lines.map { $0.metadata["http.status"] } == [200, 401, 413, 200, 400, 413, 400])
        #expect(Set(lines.compactMap { $0.metadata["request.id"] }).count == 7)
        let hook = try #require(lines.dropLast().last)
        #expect(hook.metadata["http.path"] == "/v1/hooks/plex/***")
        #expect(lines[3].metadata["http.path"] == "/v1/tasks/BackupDatabase/stop")
        #expect(lines[3].metadata["key.id"] == "admin")
        #expect(lines[1].metadata["key.id"] == "-")
        #expect(!harness.logs.lines.contains { $0.contains("hook-secret-123") })
        harness.expectNoSecrets()
    }

    @Test func accessLineCarriesTheContractFields() async throws {
        let harness = GatewayHarness()
        let response = await harness.send("GET", "/v1/tasks", from: "::1")
        let line = try #require(harness.accessLines.first)
        #expect(line.level == .notice)
        #expect(line.metadata["http.method"] == "GET")
        #expect(line.metadata["response.bytes"] == .int(response.body.count))
        #expect(line.metadata["client.address"] == "::1")
        #expect(line.metadata["duration.ms"] != nil)
        harness.expectNoSecrets()
    }

    @Test func rejectRendersProblemAndClosesConnection() {
        let harness = GatewayHarness()
        let cases: [(HTTPRequestError, Int, String)] = [
            (.uriTooLong, 414, "uri_too_long"), (.headersTooLarge, 431, "headers_too_large"),
            (.notImplemented, 501, "not_implemented"), (.versionNotSupported, 505, "version_not_supported"),
            (.requestTimeout, 408, "request_timeout"), (.httpsRequired, 400, "https_required"),
        ]
        for (error, status, code) in cases {
            let response = harness.gateway.reject(error, head: nil, connection: Self.peer)
            #expect(response.status == status)
            #expect(response.problemCode == code)
            #expect(response.closesConnection)
        }
        harness.expectNoSecrets()
    }

    @Test func refusalIsTimedFromTheRequestsFirstByte() throws {
        let harness = GatewayHarness()
        let connection = HTTPConnectionInfo(
            remoteAddress: "::1",
            isTLS: true,
            requestStarted: .now - .milliseconds(250)
        )
        harness.note(harness.gateway.reject(.requestTimeout, head: nil, connection: connection))
        let line = try #require(harness.accessLines.first)
        guard case .int(let milliseconds) = line.metadata["duration.ms"] else {
            Issue.record("duration.ms is not an integer")
            return
        }
        #expect(milliseconds >= 250)
    }

    @Test func refusalWithoutAHeadLogsTheConnectionsAddress() throws {
        let harness = GatewayHarness()
        harness.note(harness.gateway.reject(.requestTimeout, head: nil, connection: Self.peer))
        let line = try #require(harness.accessLines.first)
        #expect(harness.accessLines.count == 1)
        #expect(line.metadata["client.address"] == "::1")
        #expect(line.metadata["http.method"] == "-")
        #expect(line.metadata["http.status"] == 408)
        harness.expectNoSecrets()
    }
}
