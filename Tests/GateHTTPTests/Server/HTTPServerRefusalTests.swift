import GateHTTP
import GateTestSupport
import Testing

@Suite(.serialized)
struct HTTPServerRefusalTests {
    /// Sends `raw`, reads one response, and reports whether the server then closed the connection.
    private static func refusal(port: Int, _ raw: String) async throws -> (status: Int, closed: Bool) {
        try await runBlocking {
            let client = try RawClient(port: port)
            try client.send(raw)
            let response = try client.readResponse()
            return (response.status, client.isClosedByPeer(within: .seconds(2)))
        }
    }

    @Test(arguments: [
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n", 400),
        ("GET / HTTP/1.1\nHost: a\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        ("GET / HTTP/3.0\r\nHost: a\r\n\r\n", 505),
    ])
    func malformedRequestsAreRefusedAndClosed(_ raw: String, _ status: Int) async throws {
        try await withServer { server in
            let result = try await Self.refusal(port: server.port, raw)
            #expect(result.status == status)
            #expect(result.closed)
        }
    }

    @Test
    func oversizedRequestLineGets414() async throws {
        let limits = HTTPLimits(maxRequestLineBytes: 128)
        try await withServer(limits: limits) { server in
            let raw = "GET /\(String(repeating: "a", count: 200)) HTTP/1.1\r\nHost: a\r\n\r\n"
            let result = try await Self.refusal(port: server.port, raw)
            #expect(result.status == 414)
            #expect(result.closed)
        }
    }

    @Test
    func oversizedHeaderSectionGets431() async throws {
        let limits = HTTPLimits(maxHeaderBytes: 512, maxHeaderCount: 8)
        try await withServer(limits: limits) { server in
            let big = "GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "b", count: 600))\r\n\r\n"
            let many = "GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X: y\r\n", count: 9) + "\r\n"
            let bigResult = try await Self.refusal(port: server.port, big)
            let manyResult = try await Self.refusal(port: server.port, many)
            #expect(bigResult.status == 431)
            #expect(manyResult.status == 431)
            #expect(bigResult.closed && manyResult.closed)
        }
    }

    @Test
    func declaredBodyOverTheLimitGets413BeforeTheBodyIsSent() async throws {
        try await withServer { server in
            let port = server.port
            let (status, closed) = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send("POST /small HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n")
                let response = try client.readResponse(timeout: .seconds(2))
                return (response.status, client.isClosedByPeer(within: .seconds(2)))
            }
            #expect(status == 413)
            #expect(closed)
        }
    }

    @Test
    func serverLimitCapsTheResponderLimit() async throws {
        try await withServer(limits: HTTPLimits(maxBodyBytes: 10)) { server in
            let raw = "POST /big HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n01234567890"
            let result = try await Self.refusal(port: server.port, raw)
            #expect(result.status == 413)
        }
    }

    @Test
    func chunkedBodyOverTheLimitGets413() async throws {
        try await withServer { server in
            let port = server.port
            let (status, closed) = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send("POST /small HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
                try client.send("a\r\n0123456789\r\na\r\n0123456789\r\n")
                let response = try client.readResponse(timeout: .seconds(2))
                return (response.status, client.isClosedByPeer(within: .seconds(2)))
            }
            #expect(status == 413)
            #expect(closed)
        }
    }

    @Test
    func idleKeepAliveConnectionIsClosedWithoutAResponse() async throws {
        let timeouts = HTTPTimeouts(idle: .milliseconds(300))
        try await withServer(timeouts: timeouts) { server in
            let port = server.port
            let (status, rest) = try await runBlocking {
                let client = try RawClient(port: port)
                let status = try client.send(path: "/").status
                return (status, try client.readUntilClose(timeout: .seconds(2)))
            }
            #expect(status == 200)
            #expect(rest.isEmpty)
        }
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: a\r\n", "-"),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc", "POST"),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "POST"),
    ])
    func requestStalledPartWayGets408AndIsClosed(_ raw: String, _ method: String) async throws {
        let timeouts = HTTPTimeouts(header: .milliseconds(300), body: .milliseconds(300), idle: .seconds(30))
        try await withServer(timeouts: timeouts) { server in
            let port = server.port
            let (response, closed, elapsed) = try await runBlocking {
                let start = ContinuousClock.now
                let client = try RawClient(port: port)
                try client.send(raw)
                let response = try client.readResponse(timeout: .seconds(3))
                return (response, client.isClosedByPeer(within: .seconds(2)), ContinuousClock.now - start)
            }
            #expect(response.status == 408)
            #expect(response.bodyText == "refused 127.0.0.1 false \(method)")
            // Timed from the request's first byte: the stall itself lasted at least the 300 ms wait.
            #expect(try #require(response.header("X-Started-Ms-Ago").flatMap(Int.init)) >= 300)
            #expect(response.header("Connection") == "close")
            #expect(closed)
            #expect(elapsed < .seconds(2))
        }
    }

    @Test
    func refusalWithoutAHeadStillNamesTheClient() async throws {
        try await withServer { server in
            let port = server.port
            let response = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\nHost: a\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 400)
            #expect(response.bodyText == "refused 127.0.0.1 false -")
        }
    }
}
