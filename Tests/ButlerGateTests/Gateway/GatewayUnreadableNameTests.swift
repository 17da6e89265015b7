import Testing

@testable import ButlerGate

/// A stop route whose name segment is no name still answers in DESIGN 1.1's order, not with 404.
struct GatewayUnreadableNameTests {
    static let long = String(repeating: "a", count: 129)

    @Test(arguments: [
        ("POST", "/v1/tasks/%00/stop", "unknown_task"),
        ("POST", "/v1/tasks/Backup%0ADatabase/stop", "unknown_task"),
        ("POST", "/v1/tasks/%zz/stop", "unknown_task"),
        ("POST", "/v1/tasks/%C3%28/stop", "unknown_task"),
        ("POST", "/v1/tasks/\(long)/stop", "unknown_task"),
        ("POST", "/v1/servers/den/tasks/%FF/stop", "unknown_task"),
        ("DELETE", "/v1/servers/den/tasks/%00", "unknown_task"),
        ("POST", "/v1/servers/%00/tasks/%00/stop", "unknown_task"),
        ("POST", "/v1/servers/%00/tasks/BackupDatabase/stop", "unknown_server"),
        ("DELETE", "/v1/servers/\(long)/tasks/backup-database", "unknown_server"),
        ("POST", "/v1/servers/%e2%28%a1/tasks/BackupDatabase/stop", "unknown_server"),
    ])
    func unreadableNameInAStopRouteIsUnknownTaskOrServer(method: String, target: String, code: String) async {
        let harness = GatewayHarness()
        let response = await harness.send(method, target)
        #expect(response.problemCode == code)
        #expect(response.status == (code == "unknown_task" ? 400 : 404))
        if code == "unknown_task" {
            #expect(response.json["validTasks"] as? [String] == TaskCatalogue.standard.names)
        }
        #expect(harness.transport.requests.isEmpty)
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }

    @Test(
        arguments: [
            ("POST", "/v1/tasks/%00/stop", "bgk_wrong", "invalid_api_key"),
            ("POST", "/v1/tasks/%00/stop", nil, "invalid_api_key"),
            ("GET", "/v1/tasks/%00/stop", "admin", "method_not_allowed"),
            ("PUT", "/v1/servers/%00/tasks/%00", "admin", "method_not_allowed"),
            ("POST", "/v1/servers/den/tasks/%00/stop", "den-only", "unknown_task"),
        ] as [(String, String, String?, String)]
    )
    func keyAndMethodAreStillCheckedFirst(method: String, target: String, key: String?, code: String) async {
        let harness = GatewayHarness()
        let response = await harness.send(method, target, key: key)
        #expect(response.problemCode == code)
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }

    @Test(arguments: [
        "/v1/tasks/../stop", "/v1/tasks/%2E%2E/stop", "/v1/tasks/./stop", "/v1/tasks/a%2Fb/stop", "/v1/tasks//stop",
        "/v1/tasks/BackupDatabase/stop/", "/v1/servers//tasks/BackupDatabase/stop", "/v1/%00/x/stop",
        "/v1/servers/den/tasks/%00/stop/", "/v1/task%00/x/stop",
    ])
    func pathsWithAnotherShapeStay404(target: String) async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", target)
        #expect(response.status == 404)
        #expect(response.problemCode == "unknown_route")
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }
}
