/// Runs an operation but answers by a deadline even if the operation ignores cancellation.
enum DeadlineRace {
    /// The operation's result, or `fallback()` once `deadline` passes (the operation is then cancelled).
    static func run<Value: Sendable>(
        until deadline: ContinuousClock.Instant,
        operation: @escaping @Sendable () async -> Value,
        fallback: @escaping @Sendable () -> Value
    ) async -> Value {
        let outcome = OneShot<Value>()
        return await withCheckedContinuation { continuation in
            outcome.attach(continuation)
            let work = Task { await operation() }
            let timer = Task {
                try? await Task.sleep(until: deadline, clock: .continuous)
                if !Task.isCancelled, outcome.resolve(fallback()) {
                    work.cancel()
                }
            }
            // Cancelling the timer once the work wins keeps no sleeper alive per finished call.
            Task {
                if outcome.resolve(await work.value) {
                    timer.cancel()
                }
            }
        }
    }
}

/// Resumes one continuation with whichever value arrives first.
private final class OneShot<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, Never>?
        var settled = false
    }

    // Safe to share: `state` is only touched inside `Locked`'s mutex.
    private let state = Locked(State())

    func attach(_ continuation: CheckedContinuation<Value, Never>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Delivers `value` if nothing was delivered yet; true when this call won.
    @discardableResult
    func resolve(_ value: Value) -> Bool {
        let continuation: CheckedContinuation<Value, Never>? = state.withLock { state in
            guard !state.settled else { return nil }
            state.settled = true
            return state.continuation
        }
        continuation?.resume(returning: value)
        return continuation != nil
    }
}
