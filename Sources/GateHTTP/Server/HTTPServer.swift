import GateSync
import Glibc

/// An HTTP/1.1 server on epoll event loops, one per core, behind one listening socket, with optional TLS.
///
/// `start()` sets SIGPIPE to ignored for the whole process: OpenSSL writes to sockets with plain
/// `write`, and a peer that goes away must not kill the server.
public final class HTTPServer: Sendable {
    private enum Phase {
        case created
        case starting
        case running(loops: [RunningLoop], port: Int)
        case stopping
        case stopped
    }

    private struct RunningLoop: @unchecked Sendable {
        // pthread_t is a plain integer handle; it is only joined once, under the phase lock.
        let loop: EventLoop
        let thread: pthread_t
    }

    public let configuration: HTTPServerConfiguration
    private let context: ServerContext
    private let phase = Locked(Phase.created)

    /// Builds the TLS context (if any) so that certificate problems surface before `start()`.
    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) throws {
        self.configuration = configuration
        let tls = try configuration.tls.map { (tls) throws(HTTPServerError) in try TLSContext(tls) }
        context = ServerContext(configuration: configuration, responder: responder, tls: tls)
    }

    deinit {
        if case .running(let loops, _) = phase.withLock({ $0 }) {
            Self.stopAndJoin(loops)
        }
    }

    /// Binds and starts the loops; returns once the listener accepts connections.
    public func start() throws {
        let mayStart = phase.withLock { phase -> Bool in
            guard case .created = phase else { return false }
            phase = .starting
            return true
        }
        guard mayStart else { throw HTTPServerError(.alreadyStarted, "start() called twice") }
        LinuxSystem.ignoreSIGPIPE()
        var loops: [RunningLoop] = []
        var port = configuration.port
        do {
            let listener = try Listener(host: configuration.host, port: configuration.port)
            port = listener.port
            let peers = try (1..<max(1, configuration.loopCount)).map { _ throws(HTTPServerError) in
                try EventLoop(listener: nil, peers: [], context: context)
            }
            let acceptor = try EventLoop(listener: listener, peers: peers, context: context)
            // The acceptor starts last: it never hands a connection to a loop whose thread failed to start.
            for loop in peers + [acceptor] {
                let thread = try LoopThread.start { loop.run() }
                loops.append(RunningLoop(loop: loop, thread: thread))
            }
        } catch {
            Self.stopAndJoin(loops)
            phase.withLock { $0 = .created }
            throw error
        }
        phase.withLock { $0 = .running(loops: loops, port: port) }
    }

    /// The bound port (the configured one, or the one the system picked for port 0).
    public var port: Int {
        if case .running(_, let port) = phase.withLock({ $0 }) { return port }
        return configuration.port
    }

    /// Stops accepting, lets in-flight requests finish within `gracePeriod`, then closes everything.
    public func shutdown(gracePeriod: Duration = .seconds(10)) async {
        let loops: [RunningLoop]? = phase.withLock { phase in
            guard case .running(let loops, _) = phase else {
                if case .created = phase { phase = .stopped }
                if case .starting = phase { phase = .stopped }
                return nil
            }
            phase = .stopping
            return loops
        }
        guard let loops else {
            await waitUntilStopped()
            return
        }
        for entry in loops {
            entry.loop.execute { entry.loop.beginDraining() }
        }
        let deadline = ContinuousClock.now + gracePeriod
        while ContinuousClock.now < deadline, loops.contains(where: { $0.loop.openConnections.withLock { $0 } > 0 }) {
            try? await Task.sleep(for: .milliseconds(10))
        }
        Self.stopAndJoin(loops)
        phase.withLock { $0 = .stopped }
    }

    private func waitUntilStopped() async {
        for _ in 0..<6000 {
            if case .stopped = phase.withLock({ $0 }) { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private static func stopAndJoin(_ loops: [RunningLoop]) {
        for entry in loops { entry.loop.requestStop() }
        for entry in loops { LoopThread.join(entry.thread) }
    }

    /// Swaps the certificate for new connections; existing ones keep theirs.
    public func reloadTLS(_ tls: TLSConfiguration) throws {
        guard configuration.tls != nil else {
            throw HTTPServerError(.contextFailed, "the server was configured without TLS")
        }
        let fresh = try TLSContext(tls)
        context.tls.withLock { $0 = fresh }
    }
}
