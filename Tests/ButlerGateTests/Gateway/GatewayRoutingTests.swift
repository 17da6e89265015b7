import GateHTTP
import Testing

@testable import ButlerGate

struct GatewayRoutingTests {
    @Test(arguments: [
        ("POST", "/v1/tasks/BackupDatabase/stop", ["den", "attic", "cabin"]),
        ("POST", "/v1/servers/den/tasks/BackupDatabase/stop", ["den"]),
        ("DELETE", "/v1/servers/home/tasks/BackupDatabase", ["den", "attic"]),
        ("POST", "/v1/tasks/BackupDatabase/stop?servers=cabin,den", ["den", "cabin"]),
    ])
    func stopRoutesCallTheNamedServersInConfigOrder(method: String, target: String, servers: [String]) async {
        let harness = GatewayHarness()
        let response = await harness.send(method, target)
        #expect(response.status == 200)
        #expect(response.serverNames == servers)
        #expect(response.json["task"] as? String == "BackupDatabase")
        let urls = harness.transport.requests.map(\.url).sorted()
        #expect(urls == servers.map { "http://\($0).test:32400/butler/BackupDatabase" }.sorted())
        harness.expectNoSecrets()
    }

    @Test func stopBodyRouteTakesTaskAndServers() async {
        let harness = GatewayHarness()
        let response = await harness.send(
            "POST",
            "/v1/stop",
            body: #"{"task":"optimize_database","servers":["attic","HOME"]}"#
        )
        #expect(response.status == 200)
        #expect(response.serverNames == ["den", "attic"])
        #expect(response.json["task"] as? String == "OptimizeDatabase")
        harness.expectNoSecrets()
    }

    @Test func stopBodyRouteWithoutServersReachesEveryServerOfTheKey() async {
        let harness = GatewayHarness()
        let response = await harness.send(
            "POST",
            "/v1/stop",
            key: "home",
            body: #"{"task":"BackupDatabase"}"#,
            contentType: "application/json; charset=utf-8"
        )
        #expect(response.status == 200)
        #expect(response.serverNames == ["den", "attic"])
        harness.expectNoSecrets()
    }

    @Test func taskListShowsCatalogueWithAliases() async throws {
        let harness = GatewayHarness()
        let response = await harness.send("GET", "/v1/tasks")
        let tasks = try #require(response.json["tasks"] as? [[String: Any]])
        let backup = try #require(tasks.first { $0["name"] as? String == "BackupDatabase" })
        #expect(backup["aliases"] as? [String] == ["backup-database", "backup_database"])
        #expect(backup["generation"] as? String == "both")
        #expect(tasks.count == TaskCatalogue.standard.entries.count)
        harness.expectNoSecrets()
    }

    @Test func serverListShowsOnlyReachableServersWithoutSecrets() async throws {
        let harness = GatewayHarness()
        let response = await harness.send("GET", "/v1/servers", key: "den-only")
        let servers = try #require(response.json["servers"] as? [[String: Any]])
        #expect(servers.map { $0["name"] as? String } == ["den"])
        #expect(servers.first?["machineIdentifier"] as? String == "mid-den")
        #expect((response.json["groups"] as? [Any])?.isEmpty == true)
        #expect(!response.text.contains("http://"))
        let all = await harness.send("GET", "/v1/servers", key: "home")
        #expect((all.json["groups"] as? [[String: Any]])?.map { $0["name"] as? String } == ["home"])
        harness.expectNoSecrets()
    }

    @Test(arguments: [
        "/v1/tasks/", "/v1//tasks", "/v1/tasks/BackupDatabase/stop/", "/v2/tasks", "/",
        "/v1/tasks/Backup%2FDatabase/stop", "/v1/tasks/../stop", "/v1/%zz/BackupDatabase/stop",
        "/v1/" + String(repeating: "a", count: 129) + "/BackupDatabase/stop",
    ])
    func malformedOrUnknownPathsAre404(path: String) async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", path)
        #expect(response.status == 404)
        #expect(response.problemCode == "unknown_route")
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }

    @Test(arguments: [
        ("GET", "/v1/tasks/BackupDatabase/stop", "POST"),
        ("POST", "/v1/tasks", "GET"),
        ("PUT", "/v1/servers/den/tasks/BackupDatabase", "DELETE"),
        ("POST", "/healthz", "GET, HEAD"),
        ("DELETE", "/readyz", "GET, HEAD"),
    ])
    func wrongMethodIs405WithAllow(method: String, path: String, allow: String) async {
        let harness = GatewayHarness()
        let response = await harness.send(method, path)
        #expect(response.status == 405)
        #expect(response.problemCode == "method_not_allowed")
        #expect(response.headers["Allow"] == allow)
        harness.expectNoSecrets()
    }

    @Test func reloadServesTheNewConfigFromTheNextRequest() async throws {
        let harness = GatewayHarness()
        var config = GatewayHarness.config(
            keys: harness.keys,
            tokens: harness.tokens,
            limits: LimitsConfig(),
            timeoutMs: 1000
        )
        config.servers.removeLast()
        harness.gateway.reload(config: config)
        let listing = await harness.send("GET", "/v1/servers")
        let servers = try #require(listing.json["servers"] as? [[String: Any]])
        #expect(servers.map { $0["name"] as? String } == ["den", "attic"])
        let gone = await harness.send("POST", "/v1/servers/cabin/tasks/BackupDatabase/stop")
        #expect(gone.problemCode == "unknown_server")
        #expect(harness.logs.recorded.contains { $0.level == .info && $0.message == "config reloaded" })
        harness.expectNoSecrets()
    }

    @Test func percentEncodedSegmentsAreDecoded() async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/servers/d%65n/tasks/Backup%44atabase/stop")
        #expect(response.status == 200)
        #expect(response.serverNames == ["den"])
        harness.expectNoSecrets()
    }
}
