import GateHTTP
import Testing

@testable import ButlerGate

/// A key sent where a key does not belong (request id, path, body names) must not reach a log or a response.
struct GatewaySecretLoggingTests {
    private static let peer = HTTPConnectionInfo(remoteAddress: "127.0.0.1", isTLS: false)

    @Test(arguments: ["admin", "disabled", "bgk_short", "BGK_not-configured", "Bgk_x"])
    func requestIDThatMayBeAKeyIsReplaced(supplied: String) async throws {
        let harness = GatewayHarness()
        let value = harness.keys[supplied] ?? supplied
        let response = await harness.send("GET", "/v1/tasks", headers: [("X-Request-ID", value)])
        let id = try #require(response.headers["X-Request-ID"])
        #expect(response.status == 200)
        #expect(id != value && id.count == 32)
        #expect(!harness.logs.lines.contains { $0.contains(value) })
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }

    /// `{key}` is the admin key, `{rest}` its part after `bgk_`.
    @Test(arguments: [
        ("POST", "/v1/tasks/{key}/stop", "/v1/tasks/***/stop"),
        ("POST", "/v1/tasks/%62gk_{rest}/stop", "/v1/tasks/***/stop"),
        ("POST", "/v1/tasks/%2562gk_{rest}/stop", "/v1/tasks/***/stop"),
        ("POST", "/v1/tasks/B%47K_{rest}/stop", "/v1/tasks/***/stop"),
        ("POST", "/v1/servers/%62gk_{rest}/tasks/BackupDatabase/stop", "/v1/servers/***/tasks/BackupDatabase/stop"),
        ("DELETE", "/v1/servers/den/tasks/%62%67%6B%5F{rest}", "/v1/servers/den/tasks/***"),
        ("GET", "/v1/%62gk_{rest}", "/v1/***"),
    ])
    func keyInPathIsRedactedFromLogsAndResponses(method: String, template: String, logged: String) async throws {
        let harness = GatewayHarness()
        let key = try #require(harness.keys["admin"])
        let rest = String(key.dropFirst(KeyGenerator.prefix.count))
        let target = template.replacingOccurrences(of: "{key}", with: key)
            .replacingOccurrences(of: "{rest}", with: rest)
        let response = await harness.send(method, target)
        #expect(response.status >= 400)
        #expect(harness.accessLines.last?.metadata["http.path"] == .string(logged))
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }

    @Test(arguments: [#"{"task":"{key}"}"#, #"{"task":"BackupDatabase","servers":["den","{key}"]}"#])
    func keyAsABodyNameIsMaskedInTheProblemDetail(template: String) async throws {
        let harness = GatewayHarness()
        let key = try #require(harness.keys["home"])
        let body = template.replacingOccurrences(of: "{key}", with: key)
        let response = await harness.send("POST", "/v1/stop", body: body)
        #expect(["unknown_task", "unknown_server"].contains(response.problemCode))
        #expect((response.json["detail"] as? String)?.contains("'***'") == true)
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }

    @Test func queryStringIsNeverLogged() async throws {
        let harness = GatewayHarness()
        let key = try #require(harness.keys["admin"])
        let response = await harness.send("POST", "/v1/tasks/BackupDatabase/stop?servers=den&apikey=\(key)")
        let head = HTTPRequestHead(method: "POST", target: "/v1/tasks/x/stop?token=q-secret-1")
        harness.note(harness.gateway.reject(.bodyTooLarge, head: head, connection: Self.peer))
        #expect(response.problemCode == "bad_request")
        let paths = harness.accessLines.map { $0.metadata["http.path"] }
        #expect(paths == ["/v1/tasks/BackupDatabase/stop", "/v1/tasks/x/stop"])
        let leaked = ["?", "servers=", "q-secret-1"]
        #expect(!harness.logs.lines.contains { line in leaked.contains { line.contains($0) } })
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }
}
