import GateSync
import Glibc

@testable import PlexButler

/// A loopback HTTP/1.1 server on one thread that records raw requests and answers from a script.
///
/// `@unchecked Sendable`: `requests` and `accepted` are guarded by `lock`; the descriptors are set in
/// `init` and the connection table belongs to the server thread alone.
final class ScriptedServer: @unchecked Sendable {
    /// The server could not be set up.
    struct StartFailure: Error {}

    /// The loopback port the server listens on.
    let port: UInt16
    private let route: @Sendable (String) -> ScriptedReply
    private let listener: Int32
    private let wake: (read: Int32, write: Int32)
    private let lock = Lock()
    private var requests: [String] = []
    private var accepted = 0
    private var thread = pthread_t()
    private var stopped = false

    /// Starts listening on a kernel-chosen loopback port and answers every request with `reply`.
    convenience init(reply: ScriptedReply) throws {
        try self.init { _ in reply }
    }

    /// Starts listening and answers each request with what `route` picks from its raw text.
    init(route: @escaping @Sendable (String) -> ScriptedReply) throws {
        self.route = route
        listener = try Self.listen()
        port = try Self.boundPort(of: listener)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw StartFailure()
        }
        wake = (fds[0], fds[1])
        let context = Unmanaged.passRetained(self).toOpaque()
        guard
            pthread_create(
                &thread,
                nil,
                { context in
                    Unmanaged<ScriptedServer>.fromOpaque(context!).takeRetainedValue().serve()
                    return nil
                },
                context
            ) == 0
        else {
            Unmanaged<ScriptedServer>.fromOpaque(context).release()
            throw StartFailure()
        }
    }

    /// `http://127.0.0.1:<port>`.
    var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// Every complete request received so far, as raw text.
    var recordedRequests: [String] {
        lock.withLock { requests }
    }

    /// How many connections were accepted so far.
    var connectionCount: Int {
        lock.withLock { accepted }
    }

    /// Closes every connection and joins the thread; later calls do nothing.
    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else {
            return
        }
        _ = write(wake.write, "x", 1)
        pthread_join(thread, nil)
        close(wake.write)
        close(wake.read)
        close(listener)
    }

    private func serve() {
        var buffers: [Int32: [UInt8]] = [:]
        var drips: [Int32: Drip] = [:]
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            var fds = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            fds.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0))
            fds += buffers.keys.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&fds, nfds_t(fds.count), Self.pollTimeoutMs(drips)) >= 0, fds[0].revents == 0 else {
                break
            }
            if fds[1].revents != 0 {
                acceptOne(into: &buffers)
            }
            for entry in fds.dropFirst(2) where entry.revents != 0 {
                let count = recv(entry.fd, &chunk, chunk.count, 0)
                guard count > 0 else {
                    close(entry.fd)
                    buffers[entry.fd] = nil
                    drips[entry.fd] = nil
                    continue
                }
                buffers[entry.fd]?.append(contentsOf: chunk[..<count])
                handle(entry.fd, buffers: &buffers, drips: &drips)
            }
            sendDueBytes(&drips)
        }
        buffers.keys.forEach { close($0) }
    }

    /// Bytes still to write to one connection, one at a time.
    private struct Drip {
        var bytes: ArraySlice<UInt8>
        var next: ContinuousClock.Instant
        let every: Duration
    }

    /// How long poll may wait: until the next dripped byte is due, and never more than 5 s.
    private static func pollTimeoutMs(_ drips: [Int32: Drip]) -> Int32 {
        guard let next = drips.values.map(\.next).min() else {
            return 5_000
        }
        let wait = ContinuousClock.now.duration(to: next).components
        let milliseconds = wait.seconds * 1000 + wait.attoseconds / 1_000_000_000_000_000
        return Int32(min(5_000, max(0, milliseconds + 1)))
    }

    private func sendDueBytes(_ drips: inout [Int32: Drip]) {
        let now = ContinuousClock.now
        for (fd, var drip) in drips where drip.next <= now {
            if let byte = drip.bytes.popFirst() {
                send(fd, bytes: [byte])
            }
            drip.next = now.advanced(by: drip.every)
            drips[fd] = drip.bytes.isEmpty ? nil : drip
        }
    }

    private func acceptOne(into buffers: inout [Int32: [UInt8]]) {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else {
            return
        }
        lock.withLock { accepted += 1 }
        buffers[connection] = []
    }

    private func handle(_ fd: Int32, buffers: inout [Int32: [UInt8]], drips: inout [Int32: Drip]) {
        guard var buffer = buffers[fd] else {
            return
        }
        // A TLS ClientHello on a plain port gets what a real plain server sends: a 400 and a close.
        if buffer.first == 0x16 {
            send(fd, ScriptedReply.raw(400, "Bad Request", headers: ["Connection: close"]))
            close(fd)
            buffers[fd] = nil
            return
        }
        while let length = Self.completeRequestLength(buffer) {
            let request = String(decoding: buffer[..<length], as: UTF8.self)
            buffer.removeFirst(length)
            lock.withLock { requests.append(request) }
            switch route(request) {
            case .respond(let text):
                send(fd, text)
            case .respondAndClose(let text):
                send(fd, text)
                close(fd)
                buffers[fd] = nil
                return
            case .close:
                close(fd)
                buffers[fd] = nil
                return
            case .reset:
                // A zero linger time turns close() into an RST instead of an orderly FIN.
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                close(fd)
                buffers[fd] = nil
                return
            case .hang:
                break
            case .drip(let head, let rest, let every):
                send(fd, head)
                drips[fd] = Drip(bytes: ArraySlice(rest.utf8), next: .now.advanced(by: every), every: every)
            }
        }
        buffers[fd] = buffer
    }

    private func send(_ fd: Int32, _ text: String) {
        send(fd, bytes: Array(text.utf8))
    }

    private func send(_ fd: Int32, bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// The length of the first complete request (head plus Content-Length body), if it has arrived.
    static func completeRequestLength(_ buffer: [UInt8]) -> Int? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        guard buffer.count >= 4,
            let end = (0...(buffer.count - 4)).first(where: { buffer[$0..<($0 + 4)].elementsEqual(terminator) })
        else {
            return nil
        }
        let head = String(decoding: buffer[..<end], as: UTF8.self).lowercased()
        let declared =
            head.split(separator: "\r\n")
            .first { $0.hasPrefix("content-length:") }
            .flatMap { Int(String($0.dropFirst("content-length:".count)).trimmingHTTPWhitespace()) } ?? 0
        let total = end + 4 + declared
        return buffer.count >= total ? total : nil
    }

    /// A loopback port nothing listens on: bound by the kernel's choice, then released.
    static func unusedPort() throws -> UInt16 {
        let fd = try listen()
        defer { close(fd) }
        return try boundPort(of: fd)
    }

    /// Whether something accepts TCP connections on the loopback `port`, retrying every 20 ms.
    static func waitUntilListening(port: UInt16, within timeout: Duration) -> Bool {
        let end = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < end {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(fd)
            if status == 0 {
                return true
            }
            usleep(20_000)
        }
        return false
    }

    private static func listen() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard fd >= 0, bound == 0, Glibc.listen(fd, 256) == 0 else {
            close(fd)
            throw StartFailure()
        }
        return fd
    }

    /// The port the kernel chose for `fd`.
    static func boundPort(of fd: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let status = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else {
            throw StartFailure()
        }
        return UInt16(bigEndian: address.sin_port)
    }
}
