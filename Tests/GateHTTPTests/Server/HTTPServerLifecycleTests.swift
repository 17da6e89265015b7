import GateHTTP
import GateTestSupport
import Testing

@Suite(.serialized)
struct HTTPServerLifecycleTests {
    @Test
    func gracefulShutdownFinishesAnInFlightRequest() async throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration(loopCount: 1), responder: EchoResponder())
        try server.start()
        let port = server.port
        let slow = Task {
            try await runBlocking {
                let client = try RawClient(port: port)
                let response = try client.send(path: "/slow")
                return (response, client.isClosedByPeer(within: .seconds(2)))
            }
        }
        try await Task.sleep(for: .milliseconds(150))
        let idle = try await runBlocking { try RawClient(port: port) }
        await server.shutdown(gracePeriod: .seconds(3))
        let (response, closed) = try await slow.value
        #expect(response.status == 200)
        #expect(response.bodyText == "slow done")
        #expect(response.header("Connection") == "close")
        #expect(closed)
        #expect(idle.isClosedByPeer(within: .seconds(1)))
        #expect(throws: RawClientError.self) { try RawClient(port: port, timeout: .seconds(1)) }
    }

    @Test
    func gracePeriodForceClosesWhatIsLeft() async throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration(loopCount: 1), responder: EchoResponder())
        try server.start()
        let port = server.port
        let client = try await runBlocking {
            let client = try RawClient(port: port)
            try client.send("GET /stuck HTTP/1.1\r\nHost: a\r\n\r\n")
            return client
        }
        try await Task.sleep(for: .milliseconds(50))
        let start = ContinuousClock.now
        await server.shutdown(gracePeriod: .milliseconds(100))
        #expect(ContinuousClock.now - start < .milliseconds(1500))
        #expect(client.isClosedByPeer(within: .seconds(1)))
    }

    @Test
    func shutdownIsSafeTwiceAndBeforeStart() async throws {
        let unstarted = try HTTPServer(configuration: HTTPServerConfiguration(), responder: EchoResponder())
        await unstarted.shutdown()
        let server = try HTTPServer(configuration: HTTPServerConfiguration(loopCount: 2), responder: EchoResponder())
        try server.start()
        async let first: Void = server.shutdown(gracePeriod: .milliseconds(100))
        async let second: Void = server.shutdown(gracePeriod: .milliseconds(100))
        _ = await (first, second)
        await server.shutdown()
        #expect(throws: HTTPServerError.self) { try server.start() }
    }

    @Test
    func startingTwiceThrows() async throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration(loopCount: 1), responder: EchoResponder())
        try server.start()
        #expect(throws: HTTPServerError(.alreadyStarted, "start() called twice")) { try server.start() }
        await server.shutdown(gracePeriod: .milliseconds(50))
    }

    @Test
    func releasingARunningServerStopsItsLoops() async throws {
        let port = try {
            let configuration = HTTPServerConfiguration(loopCount: 2)
            let server = try HTTPServer(configuration: configuration, responder: EchoResponder())
            try server.start()
            return server.port
        }()
        let refused = try await runBlocking { (try? RawClient(port: port, timeout: .seconds(1))) == nil }
        #expect(refused)
    }

    @Test(arguments: ["256.0.0.1", "example.com", "127.0.0.1:80"])
    func invalidHostIsReportedAtStart(_ host: String) throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration(host: host), responder: EchoResponder())
        #expect(throws: HTTPServerError.self) { try server.start() }
    }

    @Test
    func connectionsOverTheCapWaitUntilOneCloses() async throws {
        let configuration = HTTPServerConfiguration(loopCount: 1, limits: HTTPLimits(maxConnections: 2))
        let server = try HTTPServer(configuration: configuration, responder: EchoResponder())
        try server.start()
        let port = server.port
        let (waited, answered) = try await runBlocking {
            var first: RawClient? = try RawClient(port: port)
            let second = try RawClient(port: port)
            _ = try first?.send(path: "/one")
            _ = try second.send(path: "/two")
            let third = try RawClient(port: port)
            try third.send("GET /three HTTP/1.1\r\nHost: a\r\n\r\n")
            let waited = (try? third.readResponse(timeout: .milliseconds(300))) == nil
            first = nil
            return (waited, try third.readResponse(timeout: .seconds(2)).bodyText)
        }
        await server.shutdown(gracePeriod: .milliseconds(100))
        #expect(waited)
        #expect(answered == "GET /three 0:")
    }
}
