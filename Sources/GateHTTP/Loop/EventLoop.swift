import GateSync
import Glibc

/// One epoll loop on its own thread, driving its connections.
///
/// The first loop also owns the listener: it accepts and hands connections to every loop in turn
/// (see `EventLoop+Accepting`), which keeps long-lived keep-alive connections evenly spread.
/// It is also the task executor its connections' responders run on (see `EventLoop+Executor`).
final class EventLoop: @unchecked Sendable {
    // Thread safety: other threads touch only `queue` and `openConnections` (each behind its own lock),
    // `epoll.wake()` and the immutable `peers`; every other property is used on the loop thread only.
    private struct Queue {
        var work: [Work] = []
        var isStopped = false
        /// The loop's thread once it runs: work it queues for itself needs no wake-up.
        var thread: pthread_t?
    }

    /// Something to run on the loop thread.
    enum Work {
        case closure(@Sendable () -> Void)
        case job(UnownedJob)
    }

    static let listenerToken = UInt64.max - 1
    /// How often deadlines are checked while connections are open.
    private static let sweepMilliseconds: Int32 = 50
    /// Rounds of queued work per wake-up: a task that keeps re-queuing itself must not starve I/O.
    private static let maxWorkRounds = 8

    /// The configuration, responder and TLS context this loop serves with.
    let context: ServerContext
    /// Open connections plus those handed over and not yet adopted; the accepting loop counts up,
    /// the owning loop counts down, and the shutdown wait reads it.
    let openConnections = Locked(0)
    let epoll: LinuxEpoll
    private let queue = Locked(Queue())
    /// The listener, on the accepting loop only; nil once it drains.
    var listener: Listener?
    /// The other loops the accepting loop hands connections to.
    let peers: [EventLoop]
    /// The turn of the loop that gets the next accepted connection: 0 is this loop, then `peers`.
    var nextPeer = 0
    var connections: [UInt64: Connection] = [:]
    var nextToken: UInt64 = 0
    private var ready: [Connection] = []
    /// The batch being run, swapped with the queue so neither array is reallocated per round.
    private var batch: [Work] = []
    /// The connections being resumed, swapped with `ready` for the same reason.
    private var resuming: [Connection] = []
    private(set) var running = true
    private var nextSweep: UInt64 = 0
    /// Non-zero while the listener is out of epoll: `.max` while full, else when to retry after EMFILE.
    var listenerPausedUntil: UInt64 = 0
    /// Each loop's share of `HTTPLimits.maxConnections`.
    let connectionCap: Int
    private(set) var isDraining = false
    /// The monotonic time of the latest wake-up, so deadlines need no clock call each.
    private(set) var now: UInt64 = MonotonicClock.now()
    /// The shared read buffer: each read is copied into the connection that owns it.
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 16)
    /// The cached `Date` value for responses written on this loop.
    var date = HTTPDate()

    /// A loop that accepts on `listener` and shares connections with `peers`, or (nil, []) one that is handed them.
    init(listener: Listener?, peers: [EventLoop], context: ServerContext) throws(HTTPServerError) {
        let configuration = context.configuration
        connectionCap = max(1, configuration.limits.effectiveMaxConnections / max(1, configuration.loopCount))
        self.listener = listener
        self.peers = peers
        self.context = context
        epoll = try LinuxEpoll()
        guard let listener else { return }
        guard epoll.add(listener.fd, token: Self.listenerToken, edgeTriggered: false, writable: false) else {
            throw HTTPServerError(.eventLoopFailed, "epoll_ctl: \(LinuxSystem.errnoText())")
        }
    }

    deinit {
        scratch.deallocate()
    }

    /// Runs `work` on the loop thread; returns false (and drops it) once the loop has stopped.
    @discardableResult
    func execute(_ work: @escaping @Sendable () -> Void) -> Bool {
        submit(.closure(work))
    }

    /// Queues `work`; returns false once the loop has stopped.
    func submit(_ work: Work) -> Bool {
        let (accepted, mustWake) = queue.withLock { queue -> (Bool, Bool) in
            guard !queue.isStopped else { return (false, false) }
            queue.work.append(work)
            let fromLoop = queue.thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
            return (true, queue.work.count == 1 && !fromLoop)
        }
        if mustWake { epoll.wake() }
        return accepted
    }

    /// The loop body; returns after `stop()`.
    func run() {
        queue.withLock { $0.thread = pthread_self() }
        var hasWork = false
        while running {
            let idle = connections.isEmpty && listenerPausedUntil == 0
            let timeout: Int32 = hasWork ? 0 : idle ? -1 : Self.sweepMilliseconds
            var stamped = false
            epoll.wait(timeoutMilliseconds: timeout) { event in
                if !stamped {
                    now = MonotonicClock.now()
                    stamped = true
                }
                handle(event)
            }
            if !stamped { now = MonotonicClock.now() }
            hasWork = runQueue()
            if now >= nextSweep {
                sweepDeadlines()
                resumeListenerIfDue()
                nextSweep = now + UInt64(Self.sweepMilliseconds) * 1_000_000
            }
        }
        // Work queued before `stop()` still runs, so every accepted `submit` is honoured (hand-offs close).
        _ = runQueue()
        // A responder task may keep this object alive for a while; the port must not wait for it.
        closeListener()
        for connection in Array(connections.values) { connection.close() }
    }

    private func handle(_ event: LinuxSystem.Event) {
        switch event.token {
        case LinuxEpoll.wakeToken:
            epoll.drainWake()
        case Self.listenerToken:
            acceptConnections()
        default:
            connections[event.token]?.handle(event)
        }
    }

    /// Runs queued work and ready connections, including what they queue in turn (a responder task,
    /// then its answer); returns whether work is still waiting after the last round.
    private func runQueue() -> Bool {
        for _ in 0..<Self.maxWorkRounds {
            queue.withLock { swap(&$0.work, &batch) }
            if batch.isEmpty, ready.isEmpty { return false }
            for item in batch {
                switch item {
                case .closure(let body): body()
                case .job(let job): job.runSynchronously(on: asUnownedTaskExecutor())
                }
            }
            batch.removeAll(keepingCapacity: true)
            resumeReady()
        }
        return true
    }

    private func resumeReady() {
        while !ready.isEmpty {
            swap(&ready, &resuming)
            for connection in resuming { connection.resume() }
            resuming.removeAll(keepingCapacity: true)
        }
    }

    private func sweepDeadlines() {
        for connection in Array(connections.values) where connection.deadline != 0 && connection.deadline <= now {
            connection.deadlinePassed()
        }
    }

    /// Called by a connection as it closes its socket.
    func forget(_ connection: Connection) {
        guard connections.removeValue(forKey: connection.token) != nil else { return }
        epoll.remove(connection.fd)
        openConnections.withLock { $0 -= 1 }
        context.addressCounts.release(connection.remote)
        // Room on another loop is noticed by the accepting loop's next sweep.
        if listenerPausedUntil == .max { resumeListenerIfDue() }
    }

    /// Asks for `connection.resume()` after the current batch of events, keeping the stack flat.
    func scheduleResume(_ connection: Connection) {
        ready.append(connection)
    }

    /// Hands a responder's answer back to its connection, if that connection is still open.
    func deliver(_ response: HTTPResponse, to token: UInt64) {
        connections[token]?.responderFinished(response)
    }

    /// Stops accepting and closes idle connections; busy ones close after their response.
    func beginDraining() {
        isDraining = true
        closeListener()
        for connection in Array(connections.values) { connection.drain() }
    }

    /// Ends the loop: whatever is still open is closed.
    func stop() {
        queue.withLock { $0.isStopped = true }
        running = false
    }

    /// Requests `stop()` from another thread.
    func requestStop() {
        queue.withLock { queue in queue.work.append(.closure { [unowned self] in self.stop() }) }
        epoll.wake()
    }
}
