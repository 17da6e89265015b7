import ButlerGate
import GateTestSupport
import Testing

/// Malformed or oversized requests written byte by byte over TLS: each gets a problem+json answer,
/// a request id and a closed connection, and none reaches Plex.
@Suite(.serialized)
struct WireEndToEndTests {
    private func client(_ harness: Harness) throws -> RawClient {
        try RawClient(port: harness.service.port, tls: true)
    }

    @Test func bodyOverTheLimitIsRefusedFromItsDeclaredLengthBeforeItIsRead() async throws {
        let harness = try await Harness([MockSpec(name: "den", running: ["BackupDatabase"])])
        let client = try client(harness)

        let head =
            "POST /v1/stop HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer \(Harness.fullKey)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(2 << 20)\r\n\r\n"
        let response = try await runBlocking {
            try client.send(head)
            return try client.readResponse()
        }

        #expect(response.status == 413)
        #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        #expect(response.bodyText.contains(#""code":"body_too_large""#))
        #expect(response.header("X-Request-ID")?.isEmpty == false)
        #expect(client.isClosedByPeer(within: .seconds(3)))
        client.finishSending()
        #expect(await harness.upstreamCallCount() == 0)
        harness.expectNoSecrets(in: [Reply(status: response.status, headers: response.headers, text: response.bodyText)]
        )
        await harness.shutdown()
    }

    @Test func contentLengthWithTransferEncodingIs400AndClosed() async throws {
        let harness = try await Harness([MockSpec(name: "den", running: ["BackupDatabase"])])
        let client = try client(harness)

        let smuggled =
            "POST /v1/servers/den/tasks/BackupDatabase/stop HTTP/1.1\r\nHost: gateway\r\n"
            + "Authorization: Bearer \(Harness.fullKey)\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "0\r\n\r\nPOST /v1/servers/den/tasks/BackupDatabase/stop HTTP/1.1\r\nHost: gateway\r\n\r\n"
        let response = try await runBlocking {
            try client.send(smuggled)
            return try client.readResponse()
        }

        #expect(response.status == 400)
        #expect(response.bodyText.contains(#""code":"bad_request""#))
        #expect(client.isClosedByPeer(within: .seconds(3)))
        client.finishSending()
        #expect(await harness.upstreamCallCount() == 0)
        #expect(await harness.mocks["den"]!.running() == ["BackupDatabase"])
        harness.expectNoSecrets(in: [Reply(status: response.status, headers: response.headers, text: response.bodyText)]
        )
        await harness.shutdown()
    }

    @Test(arguments: [
        ("GET /v1/tasks HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
        ("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: a\r\n\r\n", 414),
        ("GET /v1/tasks HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "b", count: 40000))\r\n\r\n", 431),
        ("GET /v1/tasks HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400),
        ("GET /v1/tasks HTTP/2.0\r\nHost: a\r\n\r\n", 505),
    ])
    func malformedRequestsGetAProblemAndAClosedConnection(request: String, status: Int) async throws {
        let harness = try await Harness([MockSpec(name: "den")])
        let client = try client(harness)

        let response = try await runBlocking {
            try client.send(request)
            return try client.readResponse()
        }

        #expect(response.status == status)
        #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        #expect(response.header("X-Request-ID")?.isEmpty == false)
        #expect(client.isClosedByPeer(within: .seconds(3)))
        client.finishSending()
        #expect(harness.logs.lines.filter { $0.contains(#""msg":"access""#) }.count == 1)
        await harness.shutdown()
    }

    @Test func keepAliveServesSeveralStopsOnOneConnection() async throws {
        let harness = try await Harness([MockSpec(name: "den", running: ["BackupDatabase"])])
        let client = try client(harness)
        let headers = [("Authorization", "Bearer \(Harness.fullKey)")]

        let statuses = try await runBlocking {
            try (0..<3).map { _ in
                try client.send(method: "POST", path: "/v1/servers/den/tasks/BackupDatabase/stop", headers: headers)
                    .status
            }
        }

        #expect(statuses == [200, 200, 200])
        // The two 404s add one task list lookup, which the mock answers 404 and the gateway remembers.
        #expect(await harness.received("den").map(\.method) == ["DELETE", "DELETE", "GET", "DELETE"])
        await harness.shutdown()
    }
}
