import Foundation
import GateHTTP
import GateTestSupport
import Testing

@Suite(.serialized)
struct HTTPServerAddressCapTests {
    private static let limits = HTTPLimits(maxConnectionsPerAddress: 3)

    @Test
    func connectionOverTheCapIsClosedWhileOtherAddressesAreServed() async throws {
        try await withServer(limits: Self.limits) { server in
            let port = server.port
            let (held, overCap, other) = try await runBlocking {
                let held = try (1...3).map { _ in try RawClient(port: port) }
                let heldStatuses = try held.map { try $0.send(path: "/held").status }
                let extra = try RawClient(port: port)
                try? extra.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                let overCap = (try? extra.readUntilClose(timeout: .seconds(2))) ?? [0]
                let other = try RawClient(port: port, source: "127.0.0.2").send(path: "/other").status
                return (heldStatuses, overCap, other)
            }
            #expect(held == [200, 200, 200])
            #expect(overCap.isEmpty)
            #expect(other == 200)
        }
    }

    @Test
    func closingAConnectionMakesRoomForANewOne() async throws {
        try await withServer(limits: Self.limits) { server in
            let port = server.port
            let status = try await runBlocking {
                var held = try (1...3).map { _ in try RawClient(port: port) }
                _ = try held.map { try $0.send(path: "/held").status }
                held.removeLast()
                // The server notices the close on its next read; retry for a bounded while.
                let deadline = ContinuousClock.now + .seconds(3)
                while ContinuousClock.now < deadline {
                    if let status = try? RawClient(port: port, timeout: .seconds(1)).send(path: "/new").status {
                        return status
                    }
                    Thread.sleep(forTimeInterval: 0.02)
                }
                return 0
            }
            #expect(status == 200)
        }
    }

    @Test
    func overCapTLSConnectionGetsNoHandshake() async throws {
        try await withServer(tls: try makeTestCertificate(), limits: Self.limits) { server in
            let port = server.port
            let (held, extra) = try await runBlocking {
                let held = try (1...3).map { _ in try RawClient(port: port, tls: true) }
                let statuses = try held.map { try $0.send(path: "/held").status }
                let extra = Result { try RawClient(port: port, tls: true, timeout: .seconds(2)) }
                return (statuses, (try? extra.get()) == nil)
            }
            #expect(held == [200, 200, 200])
            #expect(extra)
        }
    }
}
