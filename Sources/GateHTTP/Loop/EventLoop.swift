import Glibc

/// One epoll loop on its own thread: accepts from the shared listener and drives its connections.
final class EventLoop: @unchecked Sendable {
    // Thread safety: `queue` (with `isStopped`) is guarded by its own lock and is the only state
    // other threads touch; every other property is read and written on the loop thread only.
    private struct Queue {
        var work: [@Sendable () -> Void] = []
        var isStopped = false
    }

    private static let listenerToken = UInt64.max - 1
    /// How often deadlines are checked while connections are open.
    private static let sweepMilliseconds: Int32 = 50
    private static let acceptBurst = 64
    private static let listenerPauseNanoseconds: UInt64 = 100_000_000

    /// The configuration, responder and TLS context this loop serves with.
    let context: ServerContext
    /// Open connections, readable from any thread for the shutdown wait.
    let openConnections = Locked(0)
    private let epoll: LinuxEpoll
    private let queue = Locked(Queue())
    /// The shared listener; nil once this loop drains.
    private var listener: Listener?
    private var connections: [UInt64: Connection] = [:]
    private var nextToken: UInt64 = 0
    private var ready: [Connection] = []
    private var running = true
    private var nextSweep: UInt64 = 0
    /// Non-zero while the listener is out of epoll: `.max` while full, else when to retry after EMFILE.
    private var listenerPausedUntil: UInt64 = 0
    /// This loop's share of `HTTPLimits.maxConnections`.
    private let connectionCap: Int
    private(set) var isDraining = false
    /// The monotonic time of the latest wake-up, so deadlines need no clock call each.
    private(set) var now: UInt64 = MonotonicClock.now()
    /// The shared read buffer: each read is copied into the connection that owns it.
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 16)
    /// The cached `Date` value for responses written on this loop.
    var date = HTTPDate()

    init(listener: Listener, context: ServerContext) throws(HTTPServerError) {
        let configuration = context.configuration
        connectionCap = max(1, configuration.limits.effectiveMaxConnections / max(1, configuration.loopCount))
        self.listener = listener
        self.context = context
        epoll = try LinuxEpoll()
        guard epoll.addShared(listener.fd, token: Self.listenerToken) else {
            throw HTTPServerError(.eventLoopFailed, "epoll_ctl: \(LinuxSystem.errnoText())")
        }
    }

    deinit {
        scratch.deallocate()
    }

    /// Runs `work` on the loop thread; dropped once the loop has stopped.
    func execute(_ work: @escaping @Sendable () -> Void) {
        let mustWake = queue.withLock { queue -> Bool in
            guard !queue.isStopped else { return false }
            queue.work.append(work)
            return queue.work.count == 1
        }
        if mustWake { epoll.wake() }
    }

    /// The loop body; returns after `stop()`.
    func run() {
        while running {
            let timeout: Int32 = connections.isEmpty && listenerPausedUntil == 0 ? -1 : Self.sweepMilliseconds
            var stamped = false
            epoll.wait(timeoutMilliseconds: timeout) { event in
                if !stamped {
                    now = MonotonicClock.now()
                    stamped = true
                }
                handle(event)
            }
            if !stamped { now = MonotonicClock.now() }
            runQueue()
            resumeReady()
            if now >= nextSweep {
                sweepDeadlines()
                resumeListenerIfDue()
                nextSweep = now + UInt64(Self.sweepMilliseconds) * 1_000_000
            }
        }
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

    private func runQueue() {
        let work = queue.withLock { queue -> [@Sendable () -> Void] in
            defer { queue.work.removeAll(keepingCapacity: true) }
            return queue.work
        }
        for item in work { item() }
    }

    private func resumeReady() {
        while !ready.isEmpty {
            let batch = ready
            ready.removeAll(keepingCapacity: true)
            for connection in batch { connection.resume() }
        }
    }

    private func sweepDeadlines() {
        for connection in Array(connections.values) where connection.deadline != 0 && connection.deadline <= now {
            connection.deadlinePassed()
        }
    }

    private func acceptConnections() {
        guard let listener else { return }
        for _ in 0..<Self.acceptBurst where listenerPausedUntil == 0 {
            if connections.count >= connectionCap {
                pauseListener(until: .max)
                return
            }
            let fd: Int32
            let remote: String
            switch LinuxSystem.accept(listener.fd) {
            case .connection(let accepted, let address):
                fd = accepted
                remote = address
            case .none:
                return
            case .exhausted:
                pauseListener(until: now + Self.listenerPauseNanoseconds)
                return
            }
            var session: TLSSession?
            if context.isTLS {
                session = context.tls.withLock { $0 }?.makeSession(fd: fd)
                if session == nil {
                    LinuxSystem.closeSocket(fd)
                    continue
                }
            }
            nextToken += 1
            let connection = Connection(fd: fd, token: nextToken, remote: remote, tls: session, loop: self)
            guard epoll.add(fd, token: nextToken, edgeTriggered: true, writable: true) else {
                connection.close()
                continue
            }
            connections[nextToken] = connection
            openConnections.withLock { $0 += 1 }
        }
    }

    /// Full or out of descriptors, a level-triggered listener would wake the loop in a tight circle:
    /// rest it until `deadline` (`.max`: until a connection closes). Other loops keep accepting meanwhile.
    private func pauseListener(until deadline: UInt64) {
        guard let listener else { return }
        epoll.remove(listener.fd)
        listenerPausedUntil = deadline
    }

    private func resumeListenerIfDue() {
        guard listenerPausedUntil != 0, let listener else { return }
        let due = listenerPausedUntil == .max ? connections.count < connectionCap : now >= listenerPausedUntil
        guard due else { return }
        listenerPausedUntil = 0
        epoll.addShared(listener.fd, token: Self.listenerToken)
    }

    /// Called by a connection as it closes its socket.
    func forget(_ connection: Connection) {
        guard connections.removeValue(forKey: connection.token) != nil else { return }
        epoll.remove(connection.fd)
        openConnections.withLock { $0 -= 1 }
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
        if let listener {
            if listenerPausedUntil == 0 { epoll.remove(listener.fd) }
            listenerPausedUntil = 0
            // The socket itself closes once the last loop lets go.
            self.listener = nil
        }
        for connection in Array(connections.values) { connection.drain() }
    }

    /// Ends the loop: whatever is still open is closed.
    func stop() {
        queue.withLock { $0.isStopped = true }
        running = false
    }

    /// Requests `stop()` from another thread.
    func requestStop() {
        queue.withLock { queue in queue.work.append { [unowned self] in self.stop() } }
        epoll.wake()
    }
}
