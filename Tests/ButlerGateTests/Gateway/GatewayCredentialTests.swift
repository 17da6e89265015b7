import GateHTTP
import Testing

@testable import ButlerGate

/// More than one credential field must never let field order pick the caller.
struct GatewayCredentialTests {
    /// Header pairs by key id; an id the harness does not know is sent as it is (a wrong key).
    @Test(arguments: [
        [("Authorization", "admin"), ("Authorization", "bgk_wrong")],
        [("Authorization", "bgk_wrong"), ("Authorization", "admin")],
        [("Authorization", "admin"), ("Authorization", "admin")],
        [("X-API-Key", "admin"), ("X-API-Key", "bgk_wrong")],
        [("X-API-Key", "bgk_wrong"), ("X-API-Key", "admin")],
        [("Authorization", "admin"), ("X-API-Key", "bgk_wrong")],
        [("X-API-Key", "admin"), ("Authorization", "bgk_wrong")],
        [("Authorization", "admin"), ("X-API-Key", "home")],
        [("Authorization", "admin"), ("X-API-Key", "")],
    ])
    func ambiguousCredentialsAre401(fields: [(String, String)]) async throws {
        let harness = GatewayHarness()
        let headers = fields.map { name, id in
            let key = harness.keys[id] ?? id
            return (name, name == "Authorization" ? "Bearer \(key)" : key)
        }
        let response = await harness.send("POST", "/v1/tasks/BackupDatabase/stop", key: nil, headers: headers)
        #expect(response.status == 401)
        #expect(response.problemCode == "invalid_api_key")
        #expect(response.headers["WWW-Authenticate"] == "Bearer")
        let detail = try #require(response.json["detail"] as? String)
        #expect(detail.contains("ambiguous"))
        #expect(harness.transport.requests.isEmpty)
        #expect(harness.accessLines.last?.metadata["key.id"] == "-")
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }

    @Test func ambiguousCredentialsCountAsFailedGuesses() async {
        let harness = GatewayHarness(limits: LimitsConfig(authFailuresPerMinute: 2))
        let admin = harness.keys["admin"]!
        var statuses: [Int] = []
        for _ in 0..<3 {
            let response = await harness.send("GET", "/v1/tasks", headers: [("X-API-Key", admin)], from: "10.0.0.7")
            statuses.append(response.status)
        }
        #expect(statuses == [401, 401, 429])
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }

    @Test(
        arguments: [
            ("POST", "/v1/tasks/BackupDatabase/stop", #"{"servers":["den"]}"#, ["text/plain"]),
            ("POST", "/v1/tasks/BackupDatabase/stop", #"{"servers":["den"]}"#, ["application/json"]),
            ("POST", "/v1/stop", #"{"task":"BackupDatabase"}"#, ["application/json; charset=utf-8"]),
            ("GET", "/v1/tasks", nil, ["application/json", "text/plain"]),
        ] as [(String, String, String?, [String])]
    )
    func duplicateContentTypeIs415(method: String, target: String, body: String?, extra: [String]) async throws {
        let harness = GatewayHarness()
        let response = await harness.send(
            method,
            target,
            headers: extra.map { ("Content-Type", $0) },
            body: body,
            contentType: "application/json"
        )
        #expect(response.status == 415)
        #expect(response.problemCode == "unsupported_media_type")
        let detail = try #require(response.json["detail"] as? String)
        #expect(detail.contains("more than one Content-Type"))
        #expect(harness.transport.requests.isEmpty)
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }
}
