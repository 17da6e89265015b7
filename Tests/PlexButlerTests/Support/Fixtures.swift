@testable import PlexButler

/// Shared values for the upstream tests.
enum Fixtures {
    /// A token with a shape no fixed phrase could contain by accident.
    static let token = "tok-SECRET-9f8e7d6c5b4a"
    static let identity = PlexClientIdentity(clientIdentifier: "butlergate-test-0001", version: "0.1.0")

    /// A Plex server entry pointing at `baseURL`.
    static func server(_ baseURL: String, timeout: Duration = .seconds(3), resolveTo: String? = nil) -> PlexServer {
        PlexServer(name: "den", baseURL: baseURL, token: token, resolveTo: resolveTo, timeout: timeout)
    }

    /// A deadline `duration` from now.
    static func deadline(in duration: Duration = .seconds(5)) -> ContinuousClock.Instant {
        ContinuousClock.now.advanced(by: duration)
    }

    /// Waits until `condition` holds, checking every 10 ms, for at most `timeout`.
    static func eventually(within timeout: Duration = .seconds(2), _ condition: () -> Bool) async -> Bool {
        let end = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < end {
            if condition() {
                return true
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }
}

extension Result {
    /// The failure, or nil for a success.
    var failureValue: Failure? {
        if case .failure(let failure) = self {
            return failure
        }
        return nil
    }
}
