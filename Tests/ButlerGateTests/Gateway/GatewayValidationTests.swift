import GateHTTP
import Testing

@testable import ButlerGate

struct GatewayValidationTests {
    @Test(arguments: ["backup-database", "backup_database", "BACKUPDATABASE", "Backup-Database", "backupdatabase"])
    func taskAliasesReachTheCanonicalName(spelling: String) async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/servers/den/tasks/\(spelling)/stop")
        #expect(response.status == 200)
        #expect(harness.transport.requests.map(\.url) == ["http://den.test:32400/butler/BackupDatabase"])
        harness.expectNoSecrets()
    }

    @Test func unknownTaskListsValidNamesAndCallsNobody() async throws {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/tasks/DefragmentDisk/stop")
        #expect(response.status == 400)
        #expect(response.problemCode == "unknown_task")
        let valid = try #require(response.json["validTasks"] as? [String])
        #expect(valid == TaskCatalogue.standard.names)
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }

    /// Each row breaks two checks at once; the earlier one in DESIGN 1.1's order must answer.
    @Test(
        arguments: [
            ("PATCH", "/v1/nowhere", "bgk_wrong", nil, "invalid_api_key"),
            ("POST", "/v1/nope", "admin", "{", "unknown_route"),
            ("POST", "/v1/servers/nowhere/tasks/Defragment/stop", "admin", nil, "unknown_task"),
            ("POST", "/v1/tasks/Defragment/stop", "admin", #"{"servers":["x"],"extra":1}"#, "invalid_body"),
            ("POST", "/v1/servers/nowhere/tasks/BackupDatabase/stop", "den-only", nil, "unknown_server"),
            ("POST", "/v1/servers/cabin/tasks/Defragment/stop", "den-only", nil, "unknown_task"),
        ] as [(String, String, String, String?, String)]
    )
    func checksAnswerInContractOrder(method: String, target: String, key: String, body: String?, code: String) async {
        let harness = GatewayHarness()
        let response = await harness.send(method, target, key: key, body: body)
        #expect(response.problemCode == code)
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }

    @Test func unknownServerIs404() async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/tasks/BackupDatabase/stop?servers=den,garage")
        #expect(response.status == 404)
        #expect(response.problemCode == "unknown_server")
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }

    @Test(
        arguments: [
            ("/v1/tasks/BackupDatabase/stop?servers=", nil, "bad_request"),
            ("/v1/tasks/BackupDatabase/stop?servers=den,", nil, "bad_request"),
            ("/v1/tasks/BackupDatabase/stop", #"{"servers":[]}"#, "invalid_body"),
            ("/v1/tasks/BackupDatabase/stop?servers=den", #"{"servers":["den"]}"#, "bad_request"),
            ("/v1/tasks/BackupDatabase/stop?limit=1", nil, "bad_request"),
            ("/v1/tasks/BackupDatabase/stop", #"{"servers":"den"}"#, "invalid_body"),
            ("/v1/tasks/BackupDatabase/stop", #"{"servers":[1]}"#, "invalid_body"),
            ("/v1/tasks/BackupDatabase/stop", #"{"servers":["den"],"force":true}"#, "invalid_body"),
            ("/v1/tasks/BackupDatabase/stop", #"{"servers":["den"]"#, "invalid_body"),
            ("/v1/tasks/BackupDatabase/stop", #"["den"]"#, "invalid_body"),
            ("/v1/stop", #"{"servers":["den"]}"#, "invalid_body"),
            ("/v1/stop", #"{"task":5}"#, "invalid_body"),
            ("/v1/servers/den/tasks/BackupDatabase/stop", #"{"servers":["attic"]}"#, "invalid_body"),
        ] as [(String, String?, String)]
    )
    func malformedServerListsAndBodiesAre400(target: String, body: String?, code: String) async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", target, body: body)
        #expect(response.status == 400)
        #expect(response.problemCode == code)
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }

    @Test(arguments: ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"])
    func nonJSONBodyIs415(contentType: String) async {
        let harness = GatewayHarness()
        let response = await harness.send(
            "POST",
            "/v1/tasks/BackupDatabase/stop",
            body: #"{"servers":["den"]}"#,
            contentType: contentType
        )
        #expect(response.status == 415)
        #expect(response.problemCode == "unsupported_media_type")
        harness.expectNoSecrets()
    }

    @Test func declaredBodyOverLimitIs413FromScreen() async throws {
        let harness = GatewayHarness(limits: LimitsConfig(maxBodyBytes: 64))
        let head = HTTPRequestHead(
            method: "POST",
            target: "/v1/stop",
            headers: HTTPHeaders([("X-API-Key", harness.keys["admin"]!), ("Content-Type", "application/json")]),
            contentLength: 65
        )
        guard case .respond(let response) = harness.gateway.screen(head) else {
            Issue.record("screen let an oversized body through")
            return
        }
        #expect(response.status == 413)
        #expect(response.problemCode == "body_too_large")
        #expect(harness.accessLines.count == 1)
        harness.expectNoSecrets()
    }

    @Test func declaredBodyOverLimitStillNeedsKeyAndRouteFirst() async {
        let harness = GatewayHarness(limits: LimitsConfig(maxBodyBytes: 64))
        let noKey = await harness.send("POST", "/v1/stop", key: nil, declaredLength: 1000)
        let noRoute = await harness.send("POST", "/v1/elsewhere", declaredLength: 1000)
        #expect(noKey.status == 401)
        #expect(noRoute.status == 404)
        harness.expectNoSecrets()
    }

    @Test func screenLetsAValidHeadThroughWithTheBodyLimit() {
        let harness = GatewayHarness(limits: LimitsConfig(maxBodyBytes: 4096))
        let head = HTTPRequestHead(
            method: "POST",
            target: "/v1/stop",
            headers: HTTPHeaders([("X-API-Key", harness.keys["admin"]!)]),
            contentLength: 20
        )
        guard case .proceed(let limit) = harness.gateway.screen(head) else {
            Issue.record("screen refused a valid head")
            return
        }
        #expect(limit == 4096)
        #expect(harness.accessLines.isEmpty)
        harness.expectNoSecrets()
    }

    @Test(arguments: [
        ("den-only", "/v1/tasks/BackupDatabase/stop?servers=cabin", "not within"),
        ("den-only", "/v1/servers/home/tasks/BackupDatabase/stop", "only partly"),
        ("home", "/v1/tasks/BackupDatabase/stop?servers=den,cabin", "not within"),
        ("backup-only", "/v1/servers/den/tasks/OptimizeDatabase/stop", "may not stop"),
    ])
    func outOfScopeRequestsAre403WithoutAnyUpstreamCall(key: String, target: String, reason: String) async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", target, key: key)
        #expect(response.status == 403)
        #expect(response.problemCode == "forbidden")
        #expect((response.json["detail"] as? String)?.contains(reason) == true)
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }

    @Test func scopedTaskAliasInKeyConfigAllowsCanonicalName() async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/servers/den/tasks/BackupDatabase/stop", key: "backup-only")
        #expect(response.status == 200)
        harness.expectNoSecrets()
    }
}
