import Foundation
import MockPlex
import Testing

/// Requests the gateway must refuse over TLS, each without any call to Plex and without leaking a secret.
@Suite(.serialized)
struct RefusalEndToEndTests {
    @Test(arguments: [
        ("missing", nil as String?),
        ("wrong", "bgk_thisIsNotAConfiguredKey000000000000000"),
        ("other case", Harness.fullKey.uppercased()),
    ])
    func missingOrWrongKeyIs401(label: String, key: String?) async throws {
        let harness = try await Harness([MockSpec(name: "den", running: ["BackupDatabase"])])

        let reply = try await harness.send("POST", "/v1/servers/den/tasks/BackupDatabase/stop", key: key)

        #expect(reply.status == 401, "\(label)")
        #expect(reply.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        #expect(reply.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        #expect(reply.json["code"] as? String == "invalid_api_key")
        #expect(await harness.upstreamCallCount() == 0)
        harness.expectNoSecrets(in: [reply])
        await harness.shutdown()
    }

    @Test func keyScopedAwayFromAServerIs403WithoutACall() async throws {
        let harness = try await Harness([
            MockSpec(name: "den", running: ["BackupDatabase"], groups: ["home"]),
            MockSpec(name: "attic", running: ["BackupDatabase"], groups: ["home"]),
        ])

        let direct = try await harness.send(
            "POST",
            "/v1/servers/attic/tasks/BackupDatabase/stop",
            key: Harness.limitedKey
        )
        let group = try await harness.send(
            "POST",
            "/v1/servers/home/tasks/BackupDatabase/stop",
            key: Harness.limitedKey
        )

        #expect(direct.status == 403)
        #expect(direct.json["code"] as? String == "forbidden")
        #expect(group.status == 403, "a group only partly in scope must not be narrowed silently")
        #expect(await harness.upstreamCallCount() == 0)
        harness.expectNoSecrets(in: [direct, group])
        await harness.shutdown()
    }

    @Test func unknownTaskAndUnknownServerMakeNoCall() async throws {
        let harness = try await Harness([MockSpec(name: "den", running: ["BackupDatabase"])])

        let task = try await harness.send("POST", "/v1/servers/den/tasks/NoSuchTask/stop")
        let server = try await harness.send("POST", "/v1/servers/nowhere/tasks/BackupDatabase/stop")
        let empty = try await harness.send("POST", "/v1/stop", body: #"{"task":"","servers":["den"]}"#)

        #expect(task.status == 400)
        #expect(task.json["code"] as? String == "unknown_task")
        #expect((task.json["validTasks"] as? [String])?.contains("BackupDatabase") == true)
        #expect(server.status == 404)
        #expect(server.json["code"] as? String == "unknown_server")
        #expect(empty.status == 400)
        #expect(await harness.upstreamCallCount() == 0)
        harness.expectNoSecrets(in: [task, server, empty])
        await harness.shutdown()
    }

    @Test func requestIDIsEchoedOrMade() async throws {
        let harness = try await Harness([MockSpec(name: "den")])

        let echoed = try await harness.send("GET", "/v1/tasks", headers: [("X-Request-ID", "ha-automation.42")])
        let replaced = try await harness.send("GET", "/v1/tasks", headers: [("X-Request-ID", "bad id with spaces")])

        #expect(echoed.header("X-Request-ID") == "ha-automation.42")
        let made = try #require(replaced.header("X-Request-ID"))
        #expect(made != "bad id with spaces" && !made.isEmpty)
        #expect(harness.logs.lines.contains { $0.contains("ha-automation.42") })
        await harness.shutdown()
    }
}
