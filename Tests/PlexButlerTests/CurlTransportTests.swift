import Testing

@testable import PlexButler

/// `CurlTransport` itself: concurrency, connection reuse, bodies, headers, cancellation and shutdown.
struct CurlTransportTests {
    private func request(
        _ url: String,
        method: String = "GET",
        timeout: Duration = .seconds(3),
        body: [UInt8] = [],
        maxResponseBytes: Int = 64 * 1024
    ) -> UpstreamRequest {
        UpstreamRequest(method: method, url: url, timeout: timeout, body: body, maxResponseBytes: maxResponseBytes)
    }

    @Test func hundredConcurrentRequestsAllComplete() async throws {
        let server = try ScriptedServer(reply: .http(200, "OK", body: "fine"))
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }

        let statuses = await withTaskGroup(of: Int?.self) { group in
            for index in 0..<100 {
                group.addTask { try? await transport.perform(request(server.baseURL + "/n/\(index)")).get().status }
            }
            return await group.reduce(into: [Int?]()) { $0.append($1) }
        }
        #expect(statuses.count == 100)
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(server.recordedRequests.count == 100)
    }

    @Test func repeatedRequestsReuseKeepAliveConnections() async throws {
        let server = try ScriptedServer(reply: .http(200, "OK"))
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }

        for _ in 0..<20 {
            let response = try await transport.perform(request(server.baseURL + "/identity")).get()
            #expect(response.status == 200)
        }
        #expect(server.recordedRequests.count == 20)
        #expect(server.connectionCount == 1)
    }

    @Test func finalResponseHeadersAreKeptInOrderAndTheBodyIsCapped() async throws {
        let interim = "HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n"
        let final = ScriptedReply.raw(
            200,
            "OK",
            headers: ["X-First: 1", "Content-Type: text/plain", "X-Second: 2"],
            body: String(repeating: "a", count: 5000)
        )
        let server = try ScriptedServer(reply: .respond(interim + final))
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }

        let response = try await transport.perform(request(server.baseURL, maxResponseBytes: 100)).get()
        #expect(response.status == 200)
        #expect(response.body == Array(repeating: UInt8(ascii: "a"), count: 100))
        #expect(response.contentType == "text/plain")
        #expect(response.headers.map(\.name) == ["X-First", "Content-Type", "X-Second", "Content-Length"])
        #expect(response.header("x-second") == "2")
        #expect(response.header("X-Interim") == nil)
    }

    @Test func requestBodyIsSentWithItsExactLength() async throws {
        let server = try ScriptedServer(reply: .http(204, "No Content"))
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }

        let body: [UInt8] = Array(#"{"a":1}"#.utf8) + [0] + Array("tail".utf8)
        let outcome = await transport.perform(request(server.baseURL + "/hook", method: "POST", body: body))
        #expect(try outcome.get().status == 204)
        let raw = try #require(server.recordedRequests.first)
        #expect(raw.hasPrefix("POST /hook HTTP/1.1\r\n"))
        #expect(raw.contains("\r\nContent-Length: 12\r\n"))
        #expect(Array(raw.utf8.suffix(12)) == body)
        #expect(!raw.contains("Expect:"))
        #expect(!raw.contains("x-www-form-urlencoded"))
    }

    @Test func resolveOverrideConnectsToTheAddressAndKeepsTheName() async throws {
        let server = try ScriptedServer(reply: .http(200, "OK"))
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }

        var upstream = request("http://10-0-0-1.abcdef.plex.invalid:\(server.port)/identity")
        upstream.resolveTo = "127.0.0.1"
        let response = try await transport.perform(upstream).get()
        #expect(response.status == 200)
        let raw = try #require(server.recordedRequests.first)
        #expect(raw.contains("\r\nHost: 10-0-0-1.abcdef.plex.invalid:\(server.port)\r\n"))
    }

    @Test func cancellingTheTaskEndsAHangingRequestPromptly() async throws {
        let server = try ScriptedServer(reply: .hang)
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }

        let started = ContinuousClock.now
        let call = Task { await transport.perform(request(server.baseURL, timeout: .seconds(10))) }
        #expect(await Fixtures.eventually { server.recordedRequests.count == 1 })
        call.cancel()
        let outcome = await call.value
        #expect(outcome.failureValue == CurlEngine.cancelledFailure)
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test func alreadyCancelledTaskNeverReachesTheServer() async throws {
        let server = try ScriptedServer(reply: .http(200, "OK"))
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }

        let call = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await transport.perform(request(server.baseURL))
        }
        #expect(await call.value.failureValue == CurlEngine.cancelledFailure)
        #expect(server.connectionCount == 0)
    }

    @Test func shutdownFailsPendingRequestsAndIsIdempotent() async throws {
        let server = try ScriptedServer(reply: .hang)
        defer { server.stop() }
        let transport = try CurlTransport()

        let call = Task { await transport.perform(request(server.baseURL, timeout: .seconds(10))) }
        #expect(await Fixtures.eventually { server.recordedRequests.count == 1 })
        transport.shutdown()
        #expect(transport.engine.state == .stopped)
        transport.shutdown()
        #expect(await call.value.failureValue == CurlEngine.shutDownFailure)
        #expect(await transport.perform(request(server.baseURL)).failureValue == CurlEngine.shutDownFailure)
    }

    @Test(arguments: [
        ("ftp://127.0.0.1/x", "GET", "unsupported URL scheme"),
        ("http://127.0.0.1/x", "DE LETE", "invalid request method"),
    ])
    func requestsCurlMustNotSeeAreRefusedUpFront(url: String, method: String, reason: String) async throws {
        let transport = try CurlTransport()
        defer { transport.shutdown() }

        let outcome = await transport.perform(request(url, method: method))
        #expect(outcome.failureValue == UpstreamFailure(.unreachable, reason))
    }

    @Test func headerValueWithALineBreakIsRefused() async throws {
        let transport = try CurlTransport()
        defer { transport.shutdown() }

        var upstream = request("http://127.0.0.1:9/x")
        upstream.headers = [("X-Plex-Token", "abc\r\nX-Injected: 1")]
        let outcome = await transport.perform(upstream)
        #expect(outcome.failureValue == UpstreamFailure(.unreachable, "invalid request header"))
    }

    @Test func droppingTheTransportStopsItsThreadAndFreesTheEngine() async throws {
        let server = try ScriptedServer(reply: .http(200, "OK"))
        defer { server.stop() }
        weak var engine: CurlEngine?
        do {
            let transport = try CurlTransport()
            engine = transport.engine
            #expect(try await transport.perform(request(server.baseURL)).get().status == 200)
        }

        #expect(await Fixtures.eventually { engine == nil })
    }
}
