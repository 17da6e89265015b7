/// Maps what came back from Plex to a per-server outcome, by status first and never by body.
public enum ButlerClassifier {
    /// Classifies a transport result; `server` and `durationMs` are left for the caller to fill.
    public static func classify(_ result: Result<UpstreamResponse, UpstreamFailure>) -> ServerStopResult {
        switch result {
        case .success(let response):
            return classify(status: response.status)
        case .failure(let failure):
            let outcome = outcome(for: failure.kind)
            return ServerStopResult(server: "", outcome: outcome, error: failure.reason, durationMs: 0)
        }
    }

    static func classify(status: Int) -> ServerStopResult {
        let outcome: StopOutcome
        let error: String?
        switch status {
        case 200, 204:
            (outcome, error) = (.stopped, nil)
        case 404:
            (outcome, error) = (.notRunning, nil)
        case 401, 403:
            (outcome, error) = (.upstreamUnauthorized, "Plex refused the configured token")
        case 300..<400:
            (outcome, error) = (.upstreamError, "Plex answered with a redirect, which is not followed")
        case 100..<600:
            (outcome, error) = (.upstreamError, "Plex answered with status \(status)")
        default:
            (outcome, error) = (.invalidResponse, "Plex answered with an invalid status")
        }
        return ServerStopResult(server: "", outcome: outcome, upstreamStatus: status, error: error, durationMs: 0)
    }

    static func outcome(for kind: UpstreamFailure.Kind) -> StopOutcome {
        switch kind {
        case .unreachable: .unreachable
        case .timeout: .timeout
        case .tls: .tlsError
        case .invalidResponse: .invalidResponse
        }
    }
}
