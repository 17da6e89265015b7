import ButlerGate
import Testing

/// A reload swaps keys and servers at once, and says which changes wait for a restart.
@Suite(.serialized)
struct ReloadEndToEndTests {
    @Test func reloadSwapsKeysAndWarnsAboutLoggingChanges() async throws {
        let harness = try await Harness([MockSpec(name: "den", running: ["BackupDatabase"])])
        var next = harness.config
        next.keys = next.keys.filter { $0.id == "limited" }
        next.logging = LoggingConfig(level: .error, format: .text)
        let before = try await harness.send("GET", "/v1/servers")

        try harness.service.reload(next)
        let after = try await harness.send("GET", "/v1/servers")
        let limited = try await harness.send("GET", "/v1/servers", key: Harness.limitedKey)

        #expect(before.status == 200)
        #expect(after.status == 401, "the removed key must stop working at once")
        #expect(limited.status == 200)
        #expect(harness.logs.lines.contains { $0.contains("logging changes need a restart") })
        #expect(harness.logs.lines.contains { $0.contains("config reloaded") })
        harness.expectNoSecrets(in: [before, after, limited])
        await harness.shutdown()
    }
}
