/// One accepted socket and the request/response cycle on it; used only on its loop's thread.
final class Connection {
    /// Input drained after our side shut, before giving up on a polite close.
    private static let maxLingerBytes = 1 << 20
    private static let lingerNanoseconds: UInt64 = 2_000_000_000

    /// The accepted, non-blocking socket.
    let fd: Int32
    /// The key of this connection in its loop and in epoll.
    let token: UInt64
    /// The peer address, for `HTTPRequestHead.remoteAddress`.
    let remote: String
    /// The OpenSSL session; nil for plain HTTP.
    let tls: TLSSession?
    unowned let loop: EventLoop
    var state: ConnectionState
    /// Monotonic nanoseconds after which the current state has taken too long; 0 for none.
    var deadline: UInt64
    /// Received bytes not yet consumed by the parser or the body reader.
    var inbound: [UInt8] = []
    /// Bytes of `inbound` before this index are consumed.
    var inboundStart = 0
    var parser: HTTPRequestParser
    /// `loop.now` when the current request's first byte arrived; 0 until then.
    var requestStartedAt: UInt64 = 0
    /// The request being read, answered or written.
    var current: HTTPRequestParser.ParsedHead?
    var framing = BodyFraming.length(remaining: 0)
    /// The body of the current request so far.
    var body: [UInt8] = []
    /// Serialized output not yet accepted by the socket.
    var outbound: [UInt8] = []
    private var outboundOffset = 0
    /// Whether the connection ends once `outbound` is written.
    var closeAfterWrite = false
    /// False once a read found the socket drained, until epoll reports it again: saves the read that
    /// would only say EAGAIN after each response.
    private var mayHaveInput = true
    private var lingeredBytes = 0
    /// Set once the first bytes on a TLS connection were found not to be plain HTTP.
    var sniffed = false

    init(fd: Int32, token: UInt64, remote: String, tls: TLSSession?, loop: EventLoop) {
        self.fd = fd
        self.token = token
        self.remote = remote
        self.tls = tls
        self.loop = loop
        let configuration = loop.context.configuration
        parser = HTTPRequestParser(limits: configuration.limits)
        state = tls == nil ? .readingHead : .handshaking
        let wait = tls == nil ? configuration.timeouts.idle : configuration.timeouts.tlsHandshake
        deadline = loop.now + wait.nanoseconds
    }

    /// The TLS session once the first bytes proved to be a handshake; until then (and for plain HTTP
    /// sent to a TLS listener) bytes go out in the clear.
    var session: TLSSession? {
        sniffed ? tls : nil
    }

    /// The server's configured waits.
    var timeouts: HTTPTimeouts {
        loop.context.configuration.timeouts
    }

    /// Reacts to readiness; with edge-triggered epoll every step runs until it would block.
    func handle(_ event: LinuxSystem.Event) {
        mayHaveInput = true
        switch state {
        case .handshaking:
            continueHandshake()
        case .readingHead, .readingBody:
            if !outbound.isEmpty { flush() }
            readInput()
        case .writing:
            flush()
        case .closing:
            discardInput()
        case .awaitingResponder, .closed:
            break
        }
    }

    private func continueHandshake() {
        guard let tls, sniffed || sniffFirstBytes() else { return }
        switch tls.handshake() {
        case .done:
            state = .readingHead
            deadline = loop.now + timeouts.idle.nanoseconds
            readInput()
        case .wantIO:
            break
        case .failed:
            close()
        }
    }

    /// Reads while the state wants input, feeding each chunk to the request machinery.
    func readInput() {
        while state == .readingHead || state == .readingBody {
            let result = tls?.read(into: loop.scratch) ?? LinuxSystem.read(fd, into: loop.scratch)
            switch result {
            case .bytes(let count):
                inbound.append(contentsOf: UnsafeRawBufferPointer(rebasing: loop.scratch[..<count]))
                // A short plain read drained the socket; edge-triggered epoll reports later data.
                if tls == nil, count < loop.scratch.count { mayHaveInput = false }
                processInbound()
                if !mayHaveInput { return }
            case .wouldBlock:
                mayHaveInput = false
                return
            case .closed, .failed:
                close()
                return
            }
        }
    }

    /// Picks up buffered (pipelined) input after a response, then reads more if the socket may have some.
    func resume() {
        guard state == .readingHead else { return }
        processInbound()
        if mayHaveInput { readInput() }
    }

    /// Writes pending output; a finished response moves the connection on.
    func flush() {
        while outboundOffset < outbound.count {
            let result = outbound.withUnsafeBytes { raw in
                let pending = UnsafeRawBufferPointer(rebasing: raw[outboundOffset...])
                return session?.write(pending) ?? LinuxSystem.write(fd, pending)
            }
            switch result {
            case .bytes(let count):
                outboundOffset += count
                if state == .writing { deadline = loop.now + timeouts.idle.nanoseconds }
            case .wouldBlock:
                return
            case .closed, .failed:
                close()
                return
            }
        }
        outbound.removeAll(keepingCapacity: outbound.capacity <= 65536)
        outboundOffset = 0
        if state == .writing { responseWritten() }
    }

    /// Shuts our side and drains input briefly, so the peer reads the response instead of a reset.
    func beginClosing() {
        session?.shutdown()
        LinuxSystem.shutdownWrite(fd)
        state = .closing
        deadline = loop.now + Self.lingerNanoseconds
        discardInput()
    }

    private func discardInput() {
        while state == .closing {
            switch LinuxSystem.read(fd, into: loop.scratch) {
            case .bytes(let count):
                lingeredBytes += count
                if lingeredBytes > Self.maxLingerBytes { close() }
            case .wouldBlock:
                return
            case .closed, .failed:
                close()
            }
        }
    }

    /// Closes the socket at once.
    func close() {
        guard state != .closed else { return }
        state = .closed
        deadline = 0
        loop.forget(self)
        LinuxSystem.closeSocket(fd)
        inbound = []
        outbound = []
        body = []
    }

    /// The current state ran out of time: a request cut off part-way gets a 408 (so the stall shows
    /// in the responder's log), anything else is closed without a response.
    func deadlinePassed() {
        switch state {
        case .readingHead where parser.hasStarted:
            refuse(.requestTimeout, head: nil)
        case .readingBody:
            refuse(.requestTimeout, head: current?.head)
        default:
            close()
        }
    }

    /// Server shutdown: idle connections close now, busy ones after their response.
    func drain() {
        switch state {
        case .handshaking:
            close()
        case .readingHead where !parser.hasStarted && inboundStart == inbound.count:
            close()
        case .writing:
            closeAfterWrite = true
        default:
            break
        }
    }
}
