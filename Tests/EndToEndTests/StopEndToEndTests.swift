import ButlerGate
import Foundation
import MockPlex
import PlexButler
import Testing

/// Whole requests over TLS on loopback: caller → gateway → simulated Plex servers.
@Suite(.serialized)
struct StopEndToEndTests {
    @Test func stopOnOneServerCallsPlexWithTheTokenOnlyInTheHeader() async throws {
        let harness = try await Harness([MockSpec(name: "den", running: ["BackupDatabase"])])

        let reply = try await harness.send("POST", "/v1/servers/den/tasks/BackupDatabase/stop")

        #expect(reply.status == 200)
        #expect(reply.json["outcome"] as? String == "stopped")
        #expect(reply.json["task"] as? String == "BackupDatabase")
        #expect(reply.outcomes == ["den": "stopped"])
        let calls = await harness.received("den")
        let call = try #require(calls.first)
        #expect(calls.count == 1)
        #expect(call.method == "DELETE")
        #expect(call.target == "/butler/BackupDatabase")
        #expect(call.headers["X-Plex-Token"] == harness.tokens[0])
        #expect(call.headers["Accept"] == "application/json")
        #expect(call.headers["X-Plex-Client-Identifier"]?.isEmpty == false)
        #expect(call.headers["Authorization"] == nil)
        #expect(await harness.mocks["den"]!.running().isEmpty)
        harness.expectNoSecrets(in: [reply])
        await harness.shutdown()
    }

    @Test func aliasAndXAPIKeyReachTheCanonicalName() async throws {
        let harness = try await Harness([MockSpec(name: "den", running: ["DeepMediaAnalysis"])])

        let reply = try await harness.send(
            "DELETE",
            "/v1/servers/DEN/tasks/deep-media-analysis",
            key: nil,
            headers: [("X-API-Key", Harness.fullKey)]
        )

        #expect(reply.status == 200)
        #expect(reply.json["task"] as? String == "DeepMediaAnalysis")
        #expect(await harness.received("den").map(\.target) == ["/butler/DeepMediaAnalysis"])
        harness.expectNoSecrets(in: [reply])
        await harness.shutdown()
    }

    @Test func taskThatIsNotRunningIsSuccess() async throws {
        let harness = try await Harness([MockSpec(name: "den")])

        let reply = try await harness.send("POST", "/v1/stop", body: #"{"task":"optimize_database","servers":["den"]}"#)

        #expect(reply.status == 200)
        #expect(reply.json["outcome"] as? String == "stopped")
        #expect(reply.outcomes == ["den": "not_running"])
        let entry = try #require((reply.json["servers"] as? [[String: Any]])?.first)
        #expect(entry["upstreamStatus"] as? Int == 404)
        harness.expectNoSecrets(in: [reply])
        await harness.shutdown()
    }

    @Test func fanOutIsBoundedByTheSlowestTimeoutNotTheSum() async throws {
        let closedPort = try Self.closedPort()
        let refused = ServerConfig(
            name: "cabin",
            url: "http://127.0.0.1:\(closedPort)",
            token: "plexToken-cabin-refused"
        )
        let harness = try await Harness(
            [
                MockSpec(name: "den", running: ["BackupDatabase"]),
                MockSpec(name: "attic", timeoutMs: 1000, fault: .hang),
                MockSpec(name: "loft", timeoutMs: 1000, fault: .hang),
                MockSpec(name: "shed", timeoutMs: 1000, fault: .hang),
            ],
            extra: [refused]
        )
        let clock = ContinuousClock()
        let started = clock.now

        let reply = try await harness.send("POST", "/v1/tasks/BackupDatabase/stop")
        let elapsed = started.duration(to: clock.now)

        #expect(reply.status == 207)
        #expect(reply.json["outcome"] as? String == "partial")
        #expect(
            reply.outcomes == [
                "den": "stopped", "attic": "timeout", "loft": "timeout", "shed": "timeout", "cabin": "unreachable",
            ]
        )
        let order = (reply.json["servers"] as? [[String: Any]])?.compactMap { $0["server"] as? String }
        #expect(order == ["den", "attic", "loft", "shed", "cabin"])
        // Three 1 s timeouts in a row would take 3 s; at once they take one.
        #expect(elapsed >= .milliseconds(950))
        #expect(elapsed < .milliseconds(2500), "the timeouts ran one after the other: \(elapsed)")
        harness.expectNoSecrets(in: [reply])
        await harness.shutdown()
    }

    @Test func wrongPlexTokenIsAnUpstreamFailureNotTheCallers401() async throws {
        let harness = try await Harness([MockSpec(name: "den", running: ["BackupDatabase"], wrongToken: true)])

        let reply = try await harness.send("POST", "/v1/servers/den/tasks/BackupDatabase/stop")

        #expect(reply.status == 502)
        #expect(reply.outcomes == ["den": "upstream_unauthorized"])
        #expect(reply.header("WWW-Authenticate") == nil)
        #expect(!reply.text.contains("User could not be authenticated"))
        harness.expectNoSecrets(in: [reply])
        await harness.shutdown()
    }

    @Test func faultyServersAreNormalised() async throws {
        let harness = try await Harness([
            MockSpec(name: "den", fault: .html(500)),
            MockSpec(name: "attic", fault: .closeWithoutAnswer),
            MockSpec(name: "loft", running: ["BackupDatabase"], tls: true),
        ])

        let reply = try await harness.send("POST", "/v1/tasks/BackupDatabase/stop")

        #expect(reply.status == 207)
        #expect(reply.outcomes == ["den": "upstream_error", "attic": "unreachable", "loft": "stopped"])
        #expect(!reply.text.contains("<html"))
        harness.expectNoSecrets(in: [reply])
        await harness.shutdown()
    }

    @Test func everyServerTimingOutIs504() async throws {
        let harness = try await Harness([MockSpec(name: "den", timeoutMs: 300, fault: .hang)])

        let reply = try await harness.send("POST", "/v1/servers/den/tasks/BackupDatabase/stop")

        #expect(reply.status == 504)
        #expect(reply.json["outcome"] as? String == "failed")
        harness.expectNoSecrets(in: [reply])
        await harness.shutdown()
    }

    /// A port nothing listens on: bound, then closed again.
    static func closedPort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
