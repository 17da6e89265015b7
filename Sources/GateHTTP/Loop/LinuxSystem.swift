import CLinux
import Glibc

/// The socket, epoll and eventfd calls of the server; the only file here that touches CLinux.
enum LinuxSystem {
    /// A readiness event from `epoll_wait`: the registered token and the event bits.
    struct Event {
        var token: UInt64
        var readable: Bool
        var writable: Bool
        var hangup: Bool
    }

    /// The result of a non-blocking read or write.
    enum IOResult {
        case bytes(Int)
        case wouldBlock
        case closed
        case failed
    }

    /// The text of an errno value.
    static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// A non-blocking listening socket bound to `host:port`.
    ///
    /// `SO_REUSEADDR` only lets a restart bind over TIME_WAIT leftovers; a port that is actively listened on
    /// still fails with EADDRINUSE (no `SO_REUSEPORT`, which would split connections between two processes).
    static func listen(host: String, port: Int) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        var storage = sockaddr_storage()
        let length = try fillAddress(host: host, port: port, into: &storage)
        let family = Int32(storage.ss_family)
        let fd = socket(
            family,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
                | Int32(SOCK_CLOEXEC.rawValue),
            0
        )
        guard fd >= 0 else { throw HTTPServerError(.bindFailed, "socket: \(errnoText())") }
        var one: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, size)
        if family == AF_INET6 { setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one, size) }
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            let text = errnoText()
            close(fd)
            throw HTTPServerError(.bindFailed, "bind \(host):\(port): \(text)")
        }
        guard Glibc.listen(fd, 1024) == 0 else {
            let text = errnoText()
            close(fd)
            throw HTTPServerError(.listenFailed, "listen \(host):\(port): \(text)")
        }
        return (fd, boundPort(fd))
    }

    private static func fillAddress(
        host: String,
        port: Int,
        into storage: inout sockaddr_storage
    ) throws(HTTPServerError) -> socklen_t {
        let name = host == "localhost" ? "127.0.0.1" : host
        guard (0...65535).contains(port) else { throw HTTPServerError(.invalidAddress, "port \(port)") }
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, name, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = UInt16(port).bigEndian
            withUnsafeMutableBytes(of: &storage) { raw in withUnsafeBytes(of: v4) { raw.copyMemory(from: $0) } }
            return socklen_t(MemoryLayout<sockaddr_in>.size)
        }
        let bare = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
        var v6 = sockaddr_in6()
        guard inet_pton(AF_INET6, bare, &v6.sin6_addr) == 1 else {
            throw HTTPServerError(.invalidAddress, "not an IP address: \(host)")
        }
        v6.sin6_family = sa_family_t(AF_INET6)
        v6.sin6_port = UInt16(port).bigEndian
        withUnsafeMutableBytes(of: &storage) { raw in withUnsafeBytes(of: v6) { raw.copyMemory(from: $0) } }
        return socklen_t(MemoryLayout<sockaddr_in6>.size)
    }

    private static func boundPort(_ fd: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: portField(storage)))
    }

    private static func portField(_ storage: sockaddr_storage) -> UInt16 {
        withUnsafeBytes(of: storage) { raw in
            Int32(storage.ss_family) == AF_INET6
                ? raw.load(as: sockaddr_in6.self).sin6_port
                : raw.load(as: sockaddr_in.self).sin_port
        }
    }

    /// The result of one accept attempt.
    enum Accepted {
        case connection(fd: Int32, remote: String)
        /// Nothing is pending (or the pending connection went away).
        case none
        /// Out of file descriptors: the pending connection stays queued.
        case exhausted
    }

    /// Accepts one pending connection as non-blocking with `TCP_NODELAY`.
    static func accept(_ listener: Int32) -> Accepted {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bg_accept4(listener, $0, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            }
        }
        guard fd >= 0 else {
            return errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM ? .exhausted : .none
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return .connection(fd: fd, remote: addressText(storage))
    }

    private static func addressText(_ storage: sockaddr_storage) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        withUnsafeBytes(of: storage) { raw in
            if Int32(storage.ss_family) == AF_INET6 {
                var address = raw.load(as: sockaddr_in6.self).sin6_addr
                inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
            } else {
                var address = raw.load(as: sockaddr_in.self).sin_addr
                inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
            }
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Reads into `buffer` without blocking.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
        if count > 0 { return .bytes(count) }
        if count == 0 { return .closed }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .wouldBlock : .failed
    }

    /// Copies pending input into `buffer` without consuming it.
    static func peek(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        let count = recv(fd, buffer.baseAddress, buffer.count, Int32(MSG_PEEK))
        if count > 0 { return .bytes(count) }
        if count == 0 { return .closed }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .wouldBlock : .failed
    }

    /// Writes without blocking and without raising SIGPIPE.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> IOResult {
        let count = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        if count >= 0 { return .bytes(count) }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .wouldBlock : .failed
    }

    /// Sends FIN while still allowing reads, for a lingering close.
    static func shutdownWrite(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Closes a socket descriptor.
    static func closeSocket(_ fd: Int32) {
        close(fd)
    }

    /// SSL writes go through the socket with plain `write`, so a closed peer must not kill the process.
    static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }
}
