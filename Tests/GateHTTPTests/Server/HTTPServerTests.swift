import GateHTTP
import GateTestSupport
import Testing

@Suite(.serialized)
struct HTTPServerTests {
    @Test
    func answersASimpleRequest() async throws {
        try await withServer { server in
            let port = server.port
            let response = try await runBlocking {
                try RawClient(port: port).send(method: "POST", path: "/echo?x=1", body: Array("hi".utf8))
            }
            #expect(port > 0)
            #expect(response.status == 200)
            #expect(response.bodyText == "POST /echo?x=1 2:hi")
            #expect(response.header("Content-Length") == "19")
            #expect(response.header("Date") != nil)
            #expect(response.header("Connection") == nil)
        }
    }

    @Test
    func servesSeveralRequestsOnOneKeepAliveConnection() async throws {
        try await withServer { server in
            let port = server.port
            let bodies = try await runBlocking {
                let client = try RawClient(port: port)
                return try (1...5).map { try client.send(path: "/n\($0)").bodyText }
            }
            #expect(bodies == (1...5).map { "GET /n\($0) 0:" })
        }
    }

    @Test
    func answersPipelinedRequestsInOrder() async throws {
        try await withServer { server in
            let port = server.port
            let bodies = try await runBlocking {
                let client = try RawClient(port: port)
                let requests = (1...4).map { "GET /p\($0) HTTP/1.1\r\nHost: a\r\n\r\n" }.joined()
                try client.send(requests + "POST /p5 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nxyz")
                return try (1...5).map { _ in try client.readResponse().bodyText }
            }
            #expect(bodies == (1...4).map { "GET /p\($0) 0:" } + ["POST /p5 3:xyz"])
        }
    }

    @Test
    func headResponsesCarryLengthButNoBody() async throws {
        try await withServer { server in
            let port = server.port
            let (head, next) = try await runBlocking {
                let client = try RawClient(port: port)
                return (try client.send(method: "HEAD", path: "/h"), try client.send(path: "/after"))
            }
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "10")
            #expect(head.body.isEmpty)
            #expect(next.bodyText == "GET /after 0:")
        }
    }

    @Test
    func http10ClosesUnlessKeepAliveIsAsked() async throws {
        try await withServer { server in
            let port = server.port
            let (plain, kept) = try await runBlocking {
                let first = try RawClient(port: port)
                try first.send("GET /a HTTP/1.0\r\n\r\n")
                let closing = try first.readResponse()
                let closed = first.isClosedByPeer(within: .seconds(2))
                let second = try RawClient(port: port)
                try second.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                let kept = try second.readResponse()
                return ((closing.header("Connection"), closed), kept.header("Connection"))
            }
            #expect(plain.0 == "close")
            #expect(plain.1)
            #expect(kept == "keep-alive")
        }
    }

    @Test
    func chunkedRequestBodiesAreDecoded() async throws {
        try await withServer { server in
            let port = server.port
            let response = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send("POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
                try client.send("4;x=1\r\nWiki\r\n5\r\npedia\r\n0\r\nT: 1\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.bodyText == "POST /c 9:Wikipedia")
        }
    }

    @Test
    func expectContinueGetsInterimResponseBeforeTheBody() async throws {
        try await withServer { server in
            let port = server.port
            let (interim, final) = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send("PUT /u HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
                let interim = try client.readResponse()
                try client.send("data")
                return (interim, try client.readResponse())
            }
            #expect(interim.status == 100)
            #expect(final.status == 200)
            #expect(final.bodyText == "PUT /u 4:data")
        }
    }

    @Test
    func screenCanAnswerWithoutReadingTheBody() async throws {
        try await withServer { server in
            let port = server.port
            let (response, closed) = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send(
                    "POST /screened HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n"
                )
                let response = try client.readResponse()
                return (response, client.isClosedByPeer(within: .seconds(2)))
            }
            #expect(response.status == 403)
            #expect(response.bodyText == "screened")
            #expect(response.header("Connection") == "close")
            #expect(closed)
        }
    }

    @Test
    func screenedRequestWithoutBodyKeepsTheConnection() async throws {
        try await withServer { server in
            let port = server.port
            let statuses = try await runBlocking {
                let client = try RawClient(port: port)
                return [try client.send(path: "/screened").status, try client.send(path: "/x").status]
            }
            #expect(statuses == [403, 200])
        }
    }

    @Test
    func dropsConnectionWithoutWriting() async throws {
        try await withServer { server in
            let port = server.port
            let received = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send("GET /drop HTTP/1.1\r\nHost: a\r\n\r\n")
                return try client.readUntilClose(timeout: .seconds(2))
            }
            #expect(received.isEmpty)
        }
    }

    @Test
    func closesAfterAResponseThatAsksForIt() async throws {
        try await withServer { server in
            let port = server.port
            let (response, closed) = try await runBlocking {
                let client = try RawClient(port: port)
                let response = try client.send(path: "/close")
                return (response, client.isClosedByPeer(within: .seconds(2)))
            }
            #expect(response.bodyText == "bye")
            #expect(response.header("Connection") == "close")
            #expect(closed)
        }
    }

    @Test
    func servesConcurrentClients() async throws {
        try await withServer { server in
            let port = server.port
            let bodies = try await withThrowingTaskGroup(of: [String].self) { group in
                for client in 0..<16 {
                    group.addTask {
                        try await runBlocking {
                            let connection = try RawClient(port: port)
                            return try (0..<10).map { try connection.send(path: "/c\(client)/\($0)").bodyText }
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(bodies.count == 160)
            #expect(Set(bodies).count == 160)
        }
    }

    @Test
    func listensOnIPv6Loopback() async throws {
        let configuration = HTTPServerConfiguration(host: "::1", loopCount: 1)
        let server = try HTTPServer(configuration: configuration, responder: EchoResponder())
        try server.start()
        let port = server.port
        let response = try await runBlocking { try RawClient(port: port, host: "::1").send(path: "/six") }
        await server.shutdown(gracePeriod: .milliseconds(100))
        #expect(response.bodyText == "GET /six 0:")
    }
}
