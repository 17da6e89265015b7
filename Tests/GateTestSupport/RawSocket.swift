import CLinux
import COpenSSL
import Glibc

/// A loopback TCP socket, optionally wrapped in an unverified OpenSSL client session, with deadlines.
final class RawSocket {
    private let fd: Int32
    private var context: OpaquePointer?
    private var ssl: OpaquePointer?

    init(
        host: String,
        port: Int,
        source: String?,
        tls: Bool,
        serverName: String?,
        deadline: ContinuousClock.Instant
    ) throws {
        fd = try Self.connect(host: host, port: port, source: source)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if tls {
            try startTLS(serverName: serverName, deadline: deadline)
        }
    }

    deinit {
        if let ssl { SSL_free(ssl) }
        if let context { SSL_CTX_free(context) }
        Glibc.close(fd)
    }

    private static func connect(host: String, port: Int, source: String?) throws -> Int32 {
        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        let isV4 = inet_pton(AF_INET, host, &v4.sin_addr) == 1
        guard isV4 || inet_pton(AF_INET6, host, &v6.sin6_addr) == 1 else {
            throw RawClientError.connectFailed("not an IP address: \(host)")
        }
        let fd = socket(isV4 ? AF_INET : AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawClientError.connectFailed("socket") }
        if let source, isV4 {
            try bind(fd, to: source)
        }
        let result: Int32
        if isV4 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = UInt16(port).bigEndian
            result = withUnsafePointer(to: &v4) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        } else {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = UInt16(port).bigEndian
            result = withUnsafePointer(to: &v6) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw RawClientError.connectFailed("connect \(host):\(port) failed (errno \(errno))")
        }
        return fd
    }

    /// Any 127.x address is local on Linux, so a test can appear as a second client address.
    private static func bind(_ fd: Int32, to source: String) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        guard inet_pton(AF_INET, source, &address.sin_addr) == 1 else {
            Glibc.close(fd)
            throw RawClientError.connectFailed("not an IPv4 address: \(source)")
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw RawClientError.connectFailed("bind \(source) failed (errno \(errno))")
        }
    }

    private func startTLS(serverName: String?, deadline: ContinuousClock.Instant) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw RawClientError.tlsFailed("SSL_CTX_new") }
        self.context = context
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        guard let ssl = SSL_new(context) else { throw RawClientError.tlsFailed("SSL_new") }
        self.ssl = ssl
        SSL_set_fd(ssl, fd)
        if let serverName { _ = bg_ssl_set_tlsext_host_name(ssl, serverName) }
        while true {
            ERR_clear_error()
            let result = SSL_connect(ssl)
            if result == 1 { return }
            let error = SSL_get_error(ssl, result)
            guard error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE else {
                ERR_clear_error()
                throw RawClientError.tlsFailed("handshake failed (SSL error \(error))")
            }
            try wait(for: error == SSL_ERROR_WANT_READ ? Int16(POLLIN) : Int16(POLLOUT), until: deadline)
        }
    }

    /// Sends every byte before `deadline`.
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw -> Int in
                let pending = UnsafeRawBufferPointer(rebasing: raw[offset...])
                if let ssl {
                    ERR_clear_error()
                    let result = SSL_write(ssl, pending.baseAddress, Int32(pending.count))
                    return result > 0 ? Int(result) : (SSL_get_error(ssl, result) == SSL_ERROR_WANT_WRITE ? 0 : -1)
                }
                let result = send(fd, pending.baseAddress, pending.count, Int32(MSG_NOSIGNAL))
                return result >= 0 ? result : (errno == EAGAIN ? 0 : -1)
            }
            guard count >= 0 else { throw RawClientError.closed }
            offset += count
            if count == 0 { try wait(for: Int16(POLLOUT), until: deadline) }
        }
    }

    /// Reads some bytes; an empty result means the peer closed (or reset) the connection.
    func read(deadline: ContinuousClock.Instant) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                if let ssl {
                    ERR_clear_error()
                    let result = SSL_read(ssl, raw.baseAddress, Int32(raw.count))
                    if result > 0 { return Int(result) }
                    let error = SSL_get_error(ssl, result)
                    ERR_clear_error()
                    return error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE ? -1 : 0
                }
                let result = Glibc.read(fd, raw.baseAddress, raw.count)
                if result >= 0 { return result }
                return errno == EAGAIN || errno == EINTR ? -1 : 0
            }
            if count >= 0 { return Array(buffer[..<count]) }
            try wait(for: Int16(POLLIN), until: deadline)
        }
    }

    /// Half-closes the sending side.
    func shutdownWrite() {
        shutdown(fd, Int32(SHUT_WR))
    }

    private func wait(for events: Int16, until deadline: ContinuousClock.Instant) throws {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { throw RawClientError.timeout }
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        let (seconds, attoseconds) = remaining.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        _ = poll(&descriptor, 1, max(1, milliseconds))
    }
}
