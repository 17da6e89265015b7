import Testing

@testable import PlexButler

/// Status-first classification of Plex answers and transport failures.
struct ButlerClassifierTests {
    @Test(
        arguments: [
            (200, StopOutcome.stopped, nil),
            (204, .stopped, nil),
            (404, .notRunning, nil),
            (401, .upstreamUnauthorized, "Plex refused the configured token"),
            (403, .upstreamUnauthorized, "Plex refused the configured token"),
            (301, .upstreamError, "Plex answered with a redirect, which is not followed"),
            (302, .upstreamError, "Plex answered with a redirect, which is not followed"),
            (400, .upstreamError, "Plex answered with status 400"),
            (500, .upstreamError, "Plex answered with status 500"),
            (503, .upstreamError, "Plex answered with status 503"),
            (999, .invalidResponse, "Plex answered with an invalid status"),
        ] as [(Int, StopOutcome, String?)]
    )
    func classifiesByStatusAlone(status: Int, outcome: StopOutcome, error: String?) {
        let response = UpstreamResponse(status: status, contentType: "text/html", body: Array("<html>".utf8))
        let result = ButlerClassifier.classify(.success(response))
        #expect(result.outcome == outcome)
        #expect(result.upstreamStatus == status)
        #expect(result.error == error)
    }

    @Test(arguments: [
        (UpstreamFailure.Kind.unreachable, StopOutcome.unreachable),
        (.timeout, .timeout),
        (.tls, .tlsError),
        (.invalidResponse, .invalidResponse),
    ])
    func mapsEachFailureKindToItsOutcome(kind: UpstreamFailure.Kind, outcome: StopOutcome) {
        let result = ButlerClassifier.classify(.failure(UpstreamFailure(kind, "fixed phrase")))
        #expect(result.outcome == outcome)
        #expect(result.upstreamStatus == nil)
        #expect(result.error == "fixed phrase")
    }

    @Test func bodyNeverChangesTheOutcome() {
        let bodies = ["", "<MediaContainer/>", #"{"errors":[]}"#, "\u{0}\u{1}garbage"]
        let outcomes = Set(
            bodies.map { body in
                ButlerClassifier.classify(.success(UpstreamResponse(status: 200, body: Array(body.utf8)))).outcome
            }
        )
        #expect(outcomes == [.stopped])
    }
}
