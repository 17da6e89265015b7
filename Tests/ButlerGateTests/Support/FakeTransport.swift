import PlexButler
@testable import ButlerGate

/// A scripted upstream: answers per server host after a delay, and records every request.
final class FakeTransport: UpstreamTransport {
    /// What one server does.
    struct Script: Sendable {
        var result: Result<UpstreamResponse, UpstreamFailure>
        var delay: Duration = .zero
        /// Keep sleeping through cancellation, like a transport that overruns its budget.
        var ignoresCancellation = false

        static func status(_ code: Int, after delay: Duration = .zero) -> Script {
            Script(result: .success(UpstreamResponse(status: code, body: Array("secret body".utf8))), delay: delay)
        }

        static func failure(_ kind: UpstreamFailure.Kind, after delay: Duration = .zero) -> Script {
            Script(result: .failure(UpstreamFailure(kind, "scripted \(kind.rawValue)")), delay: delay)
        }
    }

    // Safe to share: both are `Locked`.
    private let scripts: Locked<[String: Script]>
    private let recorded = Locked<[UpstreamRequest]>([])

    /// Scripts keyed by server name (the fake URLs are `http://<name>.test:32400`); others answer 200.
    init(_ scripts: [String: Script] = [:]) {
        self.scripts = Locked(scripts)
    }

    var requests: [UpstreamRequest] {
        recorded.withLock { $0 }
    }

    func perform(_ request: UpstreamRequest) async -> Result<UpstreamResponse, UpstreamFailure> {
        recorded.withLock { $0.append(request) }
        let host = request.url.dropFirst("http://".count).prefix { $0 != "." }
        let script = scripts.withLock { $0[String(host)] } ?? .status(200)
        if script.delay > .zero {
            if script.ignoresCancellation {
                let end = ContinuousClock.now + script.delay
                while ContinuousClock.now < end {
                    try? await Task.sleep(for: .milliseconds(20))
                }
            } else {
                do {
                    try await Task.sleep(for: script.delay)
                } catch {
                    return .failure(UpstreamFailure(.timeout, "cancelled"))
                }
            }
        }
        return script.result
    }
}
