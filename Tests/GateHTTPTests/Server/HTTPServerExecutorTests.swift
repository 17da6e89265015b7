import GateHTTP
import GateTestSupport
import Testing

@Suite(.serialized)
struct HTTPServerExecutorTests {
    /// Answers after a pause and notes that it got there, even if nobody is listening any more.
    private struct LateResponder: HTTPResponder {
        let finished: Finished

        func respond(to request: HTTPRequest) async -> HTTPResponse {
            try? await Task.sleep(for: .milliseconds(300))
            await finished.mark()
            return HTTPResponse(status: 200, body: Array("late".utf8))
        }
    }

    private actor Finished {
        private(set) var count = 0

        func mark() {
            count += 1
        }
    }

    @Test
    func responderStillAwaitingAtShutdownRunsToTheEndWithThePortClosed() async throws {
        let finished = Finished()
        let (server, client) = try await startLateRequest(loopCount: 2, finished: finished)
        let port = server.port
        await server.shutdown(gracePeriod: .milliseconds(50))
        // The task still holds its loop object, which must not keep the port open.
        let refused = try await runBlocking { (try? RawClient(port: port, timeout: .seconds(1))) == nil }
        // The loops are gone; the task's remaining steps must move to the global pool, not be lost.
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: .seconds(3))
        while clock.now < end, await finished.count == 0 {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(refused)
        #expect(await finished.count == 1)
        #expect(client.isClosedByPeer(within: .seconds(1)))
    }

    @Test
    func releasingAServerWithAResponderInFlightClosesThePort() async throws {
        let finished = Finished()
        let (port, client) = try await {
            let (server, client) = try await startLateRequest(loopCount: 1, finished: finished)
            return (server.port, client)
        }()
        let refused = try await runBlocking { (try? RawClient(port: port, timeout: .seconds(1))) == nil }
        #expect(refused)
        #expect(client.isClosedByPeer(within: .seconds(1)))
    }

    @Test
    func slowResponderDoesNotHoldUpOtherConnectionsOnItsLoop() async throws {
        try await withServer { server in
            let port = server.port
            // "/slow" awaits for 1.5 s; awaiting must free the loop for the other requests meanwhile.
            let (elapsed, bodies) = try await runBlocking {
                let slow = try RawClient(port: port)
                try slow.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n")
                let clock = ContinuousClock()
                let start = clock.now
                let bodies = try (1...8).map { try RawClient(port: port).send(path: "/q\($0)").bodyText }
                let elapsed = clock.now - start
                _ = try slow.readResponse(timeout: .seconds(5))
                return (elapsed, bodies)
            }
            #expect(elapsed < .milliseconds(1000))
            #expect(bodies == (1...8).map { "GET /q\($0) 0:" })
        }
    }

    /// A server whose responder is still awaiting a `/late` request sent by the returned client.
    private func startLateRequest(loopCount: Int, finished: Finished) async throws -> (HTTPServer, RawClient) {
        let server = try HTTPServer(
            configuration: HTTPServerConfiguration(loopCount: loopCount),
            responder: LateResponder(finished: finished)
        )
        try server.start()
        let port = server.port
        let client = try await runBlocking {
            let client = try RawClient(port: port)
            try client.send("GET /late HTTP/1.1\r\nHost: a\r\n\r\n")
            return client
        }
        try await Task.sleep(for: .milliseconds(50))
        return (server, client)
    }
}
