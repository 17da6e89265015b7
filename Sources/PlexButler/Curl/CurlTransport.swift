/// libcurl's multi interface on a thread of its own.
///
/// Requests are queued under a lock and the thread is woken at most once per batch; completions resume
/// the waiting tasks directly. Keep-alive connections are shared through the multi handle's cache.
public final class CurlTransport: UpstreamTransport {
    /// The curl thread and its queue; internal so tests can watch its life.
    let engine: CurlEngine

    /// Starts the curl thread.
    public init() throws(UpstreamFailure) {
        engine = try CurlEngine()
    }

    deinit {
        engine.shutdown()
    }

    /// Sends `request` on the curl thread; Swift task cancellation ends it early as a timeout.
    public func perform(_ request: UpstreamRequest) async -> Result<UpstreamResponse, UpstreamFailure> {
        if let problem = RequestValidation.problem(in: request) {
            return .failure(problem)
        }
        let transfer = CurlTransfer(request: request)
        let engine = self.engine
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.continuation = continuation
                if !engine.submit(transfer) {
                    continuation.resume(returning: .failure(CurlEngine.shutDownFailure))
                }
            }
        } onCancel: {
            engine.cancel(transfer)
        }
    }

    /// Ends the curl thread; pending requests fail as unreachable. Safe to call more than once.
    public func shutdown() {
        engine.shutdown()
    }
}
