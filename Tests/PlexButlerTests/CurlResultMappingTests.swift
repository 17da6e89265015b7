import Testing

@testable import PlexButler

/// curl result codes to fixed failure phrases.
struct CurlResultMappingTests {
    @Test(
        arguments: [
            (7, UpstreamFailure(.unreachable, "connection refused")),
            (6, UpstreamFailure(.unreachable, "name resolution failed")),
            (55, UpstreamFailure(.unreachable, "connection reset")),
            (56, UpstreamFailure(.unreachable, "connection reset")),
            (52, UpstreamFailure(.unreachable, "connection closed without a response")),
            (28, UpstreamFailure(.timeout, "timed out after 1500 ms")),
            (35, UpstreamFailure(.tls, "TLS handshake failed")),
            (60, UpstreamFailure(.tls, "certificate verification failed")),
            (90, UpstreamFailure(.tls, "pinned public key mismatch")),
            (77, UpstreamFailure(.tls, "CA file could not be loaded")),
            (8, UpstreamFailure(.invalidResponse, "malformed HTTP response")),
            (1, UpstreamFailure(.invalidResponse, "malformed HTTP response")),
            (47, UpstreamFailure(.unreachable, "transport error (curl code 47)")),
        ] as [(UInt32, UpstreamFailure)]
    )
    func mapsResultCodesToFixedPhrases(code: UInt32, expected: UpstreamFailure) {
        #expect(CurlResultMapping.failure(code: code, timeoutMs: 1500) == expected)
    }

    @Test func noPhraseQuotesAnythingFromTheRequest() {
        let phrases = (0..<100).map { CurlResultMapping.failure(code: $0, timeoutMs: 5).reason }
        for phrase in phrases {
            #expect(!phrase.contains("http"))
            #expect(!phrase.contains("/"))
            #expect(!phrase.contains(Fixtures.token))
        }
    }

    @Test func statusWinsOverAnErrorThatCameAfterIt() throws {
        let partial = CurlResultMapping.result(
            code: 18,
            status: 200,
            response: ResponseAccumulator(maxBodyBytes: 10),
            timeoutMs: 5
        )
        #expect(try partial.get().status == 200)
        let beforeStatus = CurlResultMapping.result(
            code: 18,
            status: 0,
            response: ResponseAccumulator(maxBodyBytes: 10),
            timeoutMs: 5
        )
        #expect(beforeStatus.failureValue == UpstreamFailure(.unreachable, "connection reset"))
    }

    @Test(arguments: [28, 56] as [UInt32])
    func timeoutOrLostConnectionAfterAFinalStatusLineKeepsTheStatus(code: UInt32) throws {
        var answered = ResponseAccumulator(maxBodyBytes: 10)
        Array("HTTP/1.1 200 OK\r\n".utf8).withUnsafeBytes { answered.headerLine($0) }
        _ = Array("{\"par".utf8).withUnsafeBytes { answered.bodyChunk($0) }
        let response = try CurlResultMapping.result(code: code, status: 200, response: answered, timeoutMs: 5).get()
        #expect(response.status == 200)
        #expect(response.body == Array("{\"par".utf8))
        #expect(response.truncated)

        var interim = ResponseAccumulator(maxBodyBytes: 10)
        Array("HTTP/1.1 100 Continue\r\n".utf8).withUnsafeBytes { interim.headerLine($0) }
        let waiting = CurlResultMapping.result(code: code, status: 100, response: interim, timeoutMs: 5)
        #expect(waiting.failureValue == CurlResultMapping.failure(code: code, timeoutMs: 5))
    }

    @Test func completeAnswerIsNotMarkedTruncated() throws {
        let empty = ResponseAccumulator(maxBodyBytes: 2)
        let answer = CurlResultMapping.result(code: 0, status: 204, response: empty, timeoutMs: 5)
        #expect(try !answer.get().truncated)
    }

    @Test func writeErrorCountsAsAnAnswerOnlyWhenTheCapCutTheBody() throws {
        var capped = ResponseAccumulator(maxBodyBytes: 2)
        let accepted = Array("abc".utf8).withUnsafeBytes { capped.bodyChunk($0) }
        #expect(!accepted)
        let answer = CurlResultMapping.result(code: 23, status: 200, response: capped, timeoutMs: 5)
        #expect(try answer.get().body == Array("ab".utf8))
        let uncapped = CurlResultMapping.result(
            code: 23,
            status: 200,
            response: ResponseAccumulator(maxBodyBytes: 2),
            timeoutMs: 5
        )
        #expect(uncapped.failureValue?.reason == "transport error (curl code 23)")
    }
}
