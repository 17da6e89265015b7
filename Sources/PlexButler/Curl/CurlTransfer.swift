/// One request on its way through the engine: what to send, what came back so far, and who waits.
///
/// `@unchecked Sendable`: `cancelRequested` is guarded by the owning `CurlEngine`'s lock; every other
/// mutable field is set by the caller before submission (which the engine's lock publishes) and from
/// then on touched only by the engine thread.
final class CurlTransfer: @unchecked Sendable {
    /// Where the transfer is; it only moves forward.
    enum Phase {
        case queued
        case active(CurlEasy)
        case finished
    }

    /// What the waiting task receives.
    typealias Outcome = Result<UpstreamResponse, UpstreamFailure>

    /// What to send.
    let request: UpstreamRequest
    /// The whole-exchange limit in whole milliseconds, at least 1.
    let timeoutMs: Int
    /// The waiting task; nil once resumed.
    var continuation: CheckedContinuation<Outcome, Never>?
    /// Moved forward by the engine thread only.
    var phase = Phase.queued
    /// Filled by curl's header and write callbacks.
    var response: ResponseAccumulator
    /// Swift cancelled the waiting task; the engine drops the transfer at its next turn.
    var cancelRequested = false

    /// A queued transfer for `request`.
    init(request: UpstreamRequest) {
        self.request = request
        let parts = request.timeout.components
        let milliseconds = parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
        timeoutMs = Int(clamping: max(1, milliseconds))
        response = ResponseAccumulator(maxBodyBytes: request.maxResponseBytes)
    }

    /// Resumes the waiting task once; later calls are ignored.
    func complete(_ outcome: Outcome) {
        if case .finished = phase {
            return
        }
        phase = .finished
        continuation?.resume(returning: outcome)
        continuation = nil
    }
}
