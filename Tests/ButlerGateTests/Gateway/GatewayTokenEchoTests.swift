import GateHTTP
import Testing

@testable import ButlerGate

/// A configured Plex token sent by a caller (request id, path, query, body) must not come back or be logged.
struct GatewayTokenEchoTests {
    /// `{token}` is den's Plex token.
    @Test(arguments: ["{token}", "id-{token}-1"])
    func requestIDHoldingAPlexTokenIsReplaced(template: String) async throws {
        let harness = GatewayHarness()
        let value = template.replacingOccurrences(of: "{token}", with: try #require(harness.tokens["den"]))
        let response = await harness.send("GET", "/v1/tasks", headers: [("X-Request-ID", value)])
        let id = try #require(response.headers["X-Request-ID"])
        #expect(response.status == 200)
        #expect(id != value && id.count == 32)
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }

    @Test(arguments: [
        ("/v1/servers/{token}/tasks/BackupDatabase/stop", "/v1/servers/***/tasks/BackupDatabase/stop", ""),
        ("/v1/servers/x{token}/tasks/BackupDatabase/stop", "/v1/servers/***/tasks/BackupDatabase/stop", ""),
        ("/v1/servers/%70{rest}/tasks/BackupDatabase/stop", "/v1/servers/***/tasks/BackupDatabase/stop", ""),
        ("/v1/servers/den/tasks/{token}/stop", "/v1/servers/den/tasks/***/stop", ""),
        ("/v1/tasks/BackupDatabase/stop?servers=den,{token}", "/v1/tasks/BackupDatabase/stop", ""),
        ("/v1/stop", "/v1/stop", #"{"task":"BackupDatabase","servers":["{token}"]}"#),
        ("/v1/stop", "/v1/stop", #"{"task":"{token}"}"#),
    ])
    func plexTokenAsANameIsMaskedInDetailAndLog(template: String, logged: String, body: String) async throws {
        let harness = GatewayHarness()
        let token = try #require(harness.tokens["den"])
        let fill = { (text: String) in
            text.replacingOccurrences(of: "{token}", with: token)
                .replacingOccurrences(of: "{rest}", with: String(token.dropFirst()))
        }
        let response = await harness.send("POST", fill(template), body: body.isEmpty ? nil : fill(body))
        #expect(["unknown_task", "unknown_server"].contains(response.problemCode))
        #expect((response.json["detail"] as? String)?.contains("'***'") == true)
        #expect(harness.accessLines.last?.metadata["http.path"] == .string(logged))
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }
}
