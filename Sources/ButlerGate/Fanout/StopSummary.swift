import PlexButler

/// The overall result of one stop request, from its per-server results.
struct StopSummary: Sendable, Equatable {
    /// `stopped`, `partial` or `failed`, as in the result JSON.
    enum Outcome: String, Sendable {
        case stopped
        case partial
        case failed
    }

    /// The overall outcome.
    let outcome: Outcome
    /// 200, 207, 502, or 504 when every failure was a timeout.
    let httpStatus: Int

    /// Summarises `results`; `not_running` counts as success, a per-server `unknown_task` as failure.
    init(_ results: [ServerStopResult]) {
        let failures = results.filter { !$0.outcome.isSuccess }
        if failures.isEmpty {
            (outcome, httpStatus) = (.stopped, 200)
        } else if failures.count < results.count {
            (outcome, httpStatus) = (.partial, 207)
        } else if failures.allSatisfy({ $0.outcome == .timeout }) {
            (outcome, httpStatus) = (.failed, 504)
        } else {
            (outcome, httpStatus) = (.failed, 502)
        }
    }
}
