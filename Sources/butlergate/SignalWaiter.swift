import Dispatch
import Glibc

/// Turns process signals into awaitable events.
final class SignalWaiter: @unchecked Sendable {
    // Mutated only on `queue`, which serialises every access.
    private var sources: [any DispatchSourceSignal] = []
    private var continuation: AsyncStream<Int32>.Continuation?
    private let queue = DispatchQueue(label: "butlergate.signals")
    let signals: AsyncStream<Int32>

    /// Starts catching `numbers`; their default actions (terminate, for most) are disabled.
    init(_ numbers: [Int32]) {
        var captured: AsyncStream<Int32>.Continuation?
        signals = AsyncStream { captured = $0 }
        continuation = captured
        queue.sync {
            for number in numbers {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [weak self] in self?.continuation?.yield(number) }
                source.resume()
                sources.append(source)
            }
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
        continuation?.finish()
    }
}
