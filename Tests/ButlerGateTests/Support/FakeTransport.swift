import GateSync
import PlexButler

@testable import ButlerGate

/// A scripted upstream: answers per server host after a delay, and records every request.
final class FakeTransport: UpstreamTransport {
    /// What one server does.
    struct Script: Sendable {
        var result: Result<UpstreamResponse, UpstreamFailure>
        var delay: Duration = .zero
        /// Keep sleeping through cancellation, like a transport that overruns its budget.

        static func status(_ code: Int, after delay: Duration = .zero) -> Script {
            Script(result: .success(UpstreamResponse(status: code, body: Array("secret body".utf8))), delay: delay)
        }

        static func failure(_ kind: UpstreamFailure.Kind, after delay: Duration = .zero) -> Script {
            Script(result: .failure(UpstreamFailure(kind, "scripted \(kind.rawValue)")), delay: delay)
        }
    }

    // Safe to share: all three are `Locked`.
    private let scripts: Locked<[String: Script]>
    private let recorded = Locked<[UpstreamRequest]>([])
    private let inFlight = Locked((now: 0, peak: 0))

    /// Scripts keyed by server name (the fake URLs are `http://<name>.test:32400`); others answer 200.
    init(_ scripts: [String: Script] = [:]) {
        self.scripts = Locked(scripts)
    }

    var requests: [UpstreamRequest] {
        recorded.withLock { $0 }
    }

    /// The most requests that were in `perform` at the same time.
    var peakConcurrency: Int {
        inFlight.withLock { $0.peak }
    }

    func perform(_ request: UpstreamRequest) async -> Result<UpstreamResponse, UpstreamFailure> {
        recorded.withLock { $0.append(request) }
        inFlight.withLock { $0 = (now: $0.now + 1, peak: max($0.peak, $0.now + 1)) }
        defer { inFlight.withLock { $0.now -= 1 } }
        let host = request.url.dropFirst("http://".count).prefix { $0 != "." }
        let script = scripts.withLock { $0[String(host)] } ?? .status(200)
        if script.delay > .zero {
            // Like the real transport, the request's timeout bounds the wait.
            do {
                try await Task.sleep(for: min(script.delay, request.timeout))
            } catch {
                return .failure(UpstreamFailure(.timeout, "cancelled"))
            }
            if script.delay > request.timeout {
                return .failure(UpstreamFailure(.timeout, "timed out"))
            }
        }
        return script.result
    }
}
