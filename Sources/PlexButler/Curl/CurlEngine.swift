import GateSync
import Glibc

/// Runs one curl multi handle on a thread of its own; other threads reach it through a locked inbox.
///
/// `@unchecked Sendable`: `inbox` and `thread` are guarded by `lock`. `multi` is driven only by the
/// engine thread; other threads only call its `wakeup()` (which curl allows from any thread), under
/// `lock` and while the state is `.running`, and the engine thread clears it under `lock` once the
/// state has left `.running`. `active` and `spare` belong to the engine thread alone.
final class CurlEngine: @unchecked Sendable {
    /// The engine's life: it serves, then fails what is pending, then is gone.
    enum State {
        case running
        case shuttingDown
        case stopped
    }

    /// What other threads leave for the engine thread.
    private struct Inbox {
        var state = State.running
        var submitted: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        /// A wake-up is on its way already, so a further submission need not send one.
        var wakePending = false
    }

    /// What pending and later requests get once the engine is shutting down.
    static let shutDownFailure = UpstreamFailure(.unreachable, "transport shut down")
    /// What a request gets when its Swift task is cancelled.
    static let cancelledFailure = UpstreamFailure(.timeout, "cancelled before completion")
    /// Easy handles kept for reuse; beyond this, finished ones are freed.
    private static let spareLimit = 128

    private let lock = Lock()
    private var inbox = Inbox()
    private var thread: pthread_t?
    private var multi: CurlMulti?
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var spare: [CurlEasy] = []

    /// Creates the multi handle and starts the engine thread.
    init() throws(UpstreamFailure) {
        guard let multi = CurlMulti() else {
            throw UpstreamFailure(.unreachable, "curl could not be initialised")
        }
        self.multi = multi
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(
            &thread,
            nil,
            { context in
                Unmanaged<CurlEngine>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            },
            context
        )
        guard status == 0 else {
            Unmanaged<CurlEngine>.fromOpaque(context).release()
            throw UpstreamFailure(.unreachable, "curl thread could not be started")
        }
        lock.withLock { self.thread = thread }
    }

    /// The current life stage.
    var state: State {
        lock.withLock { inbox.state }
    }

    /// Queues `transfer` for the engine thread; false once the engine no longer runs.
    func submit(_ transfer: CurlTransfer) -> Bool {
        lock.withLock {
            guard inbox.state == .running else {
                return false
            }
            inbox.submitted.append(transfer)
            wakeLocked()
            return true
        }
    }

    /// Asks the engine thread to drop `transfer` and resume its caller as cancelled.
    func cancel(_ transfer: CurlTransfer) {
        lock.withLock {
            // Set even before submission: the engine then refuses the transfer when it arrives.
            transfer.cancelRequested = true
            guard inbox.state == .running else {
                return
            }
            inbox.cancelled.append(transfer)
            wakeLocked()
        }
    }

    /// Fails pending transfers as unreachable and joins the thread; later calls return at once.
    func shutdown() {
        let joinable: pthread_t? = lock.withLock {
            guard inbox.state == .running else {
                return nil
            }
            inbox.state = .shuttingDown
            multi?.wakeup()
            defer { thread = nil }
            return thread
        }
        // From the engine thread itself (a caller's last reference dropped there) joining would deadlock.
        if let joinable, pthread_equal(joinable, pthread_self()) == 0 {
            pthread_join(joinable, nil)
        }
    }

    private func wakeLocked() {
        guard !inbox.wakePending else {
            return
        }
        inbox.wakePending = true
        multi?.wakeup()
    }

    private func run() {
        guard let multi else {
            return
        }
        while true {
            let (state, submitted, cancelled) = takeInbox()
            guard state == .running else {
                submitted.forEach { $0.complete(.failure(Self.shutDownFailure)) }
                break
            }
            submitted.forEach(start)
            cancelled.forEach(drop)
            multi.perform()
            multi.drainFinished(finish)
            multi.poll(timeoutMs: 10_000)
        }

        for transfer in active.values {
            if case .active(let easy) = transfer.phase {
                multi.remove(easy)
            }
            transfer.complete(.failure(Self.shutDownFailure))
        }
        active.removeAll()
        spare.removeAll()
        lock.withLock {
            self.multi = nil
            inbox.state = .stopped
        }
    }

    /// Takes what other threads queued; transfers cancelled before they started never start.
    private func takeInbox() -> (State, [CurlTransfer], [CurlTransfer]) {
        let (state, submitted, cancelled, refused) = lock.withLock {
            defer { inbox = Inbox(state: inbox.state) }
            let refused = inbox.submitted.filter(\.cancelRequested)
            let accepted = refused.isEmpty ? inbox.submitted : inbox.submitted.filter { !$0.cancelRequested }
            return (inbox.state, accepted, inbox.cancelled, refused)
        }
        refused.forEach { $0.complete(.failure(Self.cancelledFailure)) }
        return (state, submitted, cancelled)
    }

    private func start(_ transfer: CurlTransfer) {
        guard let multi, let easy = spare.popLast() ?? CurlEasy() else {
            transfer.complete(.failure(UpstreamFailure(.unreachable, "curl handle could not be created")))
            return
        }
        if let failure = easy.prepare(for: transfer) {
            recycle(easy)
            transfer.complete(.failure(failure))
            return
        }
        guard multi.add(easy) else {
            recycle(easy)
            transfer.complete(.failure(UpstreamFailure(.unreachable, "request could not be prepared")))
            return
        }
        transfer.phase = .active(easy)
        active[easy.handle] = transfer
    }

    private func drop(_ transfer: CurlTransfer) {
        guard case .active(let easy) = transfer.phase else {
            return
        }
        active[easy.handle] = nil
        multi?.remove(easy)
        recycle(easy)
        transfer.complete(.failure(Self.cancelledFailure))
    }

    private func finish(_ handle: UnsafeMutableRawPointer, code: UInt32) {
        guard let transfer = active.removeValue(forKey: handle), case .active(let easy) = transfer.phase else {
            return
        }
        let status = easy.responseStatus()
        multi?.remove(easy)
        recycle(easy)
        let outcome = CurlResultMapping.result(
            code: code,
            status: status,
            response: transfer.response,
            timeoutMs: transfer.timeoutMs
        )
        transfer.complete(outcome)
    }

    private func recycle(_ easy: CurlEasy) {
        easy.reset()
        if spare.count < Self.spareLimit {
            spare.append(easy)
        }
    }
}
