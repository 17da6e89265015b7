import GateHTTP
import GateTestSupport
import Testing

@Suite(.serialized)
struct HTTPServerListenerTests {
    @Test(arguments: ["127.0.0.1", "::1"])
    func secondServerOnTheSamePortFailsToBindWhileTheFirstKeepsServing(_ host: String) async throws {
        let first = try HTTPServer(
            configuration: HTTPServerConfiguration(host: host, loopCount: 2),
            responder: EchoResponder()
        )
        try first.start()
        let port = first.port
        let second = try HTTPServer(
            configuration: HTTPServerConfiguration(host: host, port: port, loopCount: 2),
            responder: EchoResponder()
        )
        let error = #expect(throws: HTTPServerError.self) { try second.start() }
        let bodies = try await runBlocking {
            try (1...6).map { try RawClient(port: port, host: host).send(path: "/c\($0)").bodyText }
        }
        await second.shutdown(gracePeriod: .milliseconds(50))
        await first.shutdown(gracePeriod: .milliseconds(100))
        #expect(error?.code == .bindFailed)
        #expect(bodies == (1...6).map { "GET /c\($0) 0:" })
    }

    @Test
    func portCanBeBoundAgainRightAfterShutdown() async throws {
        let first = try HTTPServer(configuration: HTTPServerConfiguration(loopCount: 2), responder: EchoResponder())
        try first.start()
        let port = first.port
        // The server closes this connection first, which leaves a TIME_WAIT entry on the port.
        let closing = try await runBlocking { try RawClient(port: port).send(path: "/close").bodyText }
        await first.shutdown(gracePeriod: .milliseconds(100))
        let second = try HTTPServer(
            configuration: HTTPServerConfiguration(port: port, loopCount: 2),
            responder: EchoResponder()
        )
        try second.start()
        let answer = try await runBlocking { try RawClient(port: port).send(path: "/again").bodyText }
        await second.shutdown(gracePeriod: .milliseconds(100))
        #expect(closing == "bye")
        #expect(answer == "GET /again 0:")
    }

    @Test
    func connectionsAreHandedToEveryLoopAndWaitWhenAllAreFull() async throws {
        let configuration = HTTPServerConfiguration(loopCount: 2, limits: HTTPLimits(maxConnections: 2))
        let server = try HTTPServer(configuration: configuration, responder: EchoResponder())
        try server.start()
        let port = server.port
        // One connection per loop: the second is only answered if the other loop got it.
        let (bodies, waited, late) = try await runBlocking {
            var clients: [RawClient] = try (1...2).map { _ in try RawClient(port: port) }
            let bodies = try clients.enumerated().map { try $0.element.send(path: "/l\($0.offset)").bodyText }
            let third = try RawClient(port: port)
            try third.send("GET /third HTTP/1.1\r\nHost: a\r\n\r\n")
            let waited = (try? third.readResponse(timeout: .milliseconds(300))) == nil
            clients.removeLast()
            return (bodies, waited, try third.readResponse(timeout: .seconds(2)).bodyText)
        }
        await server.shutdown(gracePeriod: .milliseconds(100))
        #expect(bodies == ["GET /l0 0:", "GET /l1 0:"])
        #expect(waited)
        #expect(late == "GET /third 0:")
    }
}
