import COpenSSL

/// One connection's non-blocking OpenSSL session; used only on its connection's loop thread.
final class TLSSession {
    /// Progress of the handshake.
    enum HandshakeStep {
        case done
        case wantIO
        case failed
    }

    private let ssl: OpaquePointer
    /// Set after a fatal error or before the handshake completes: SSL_shutdown is then not allowed.
    private var canShutdown = false

    init(ssl: OpaquePointer) {
        self.ssl = ssl
    }

    deinit {
        SSL_free(ssl)
    }

    /// Advances the server handshake as far as the socket allows.
    func handshake() -> HandshakeStep {
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            canShutdown = true
            return .done
        }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .wantIO
        default:
            ERR_clear_error()
            return .failed
        }
    }

    /// Decrypts into `buffer`; WANT_READ and WANT_WRITE both mean "wait for the socket".
    func read(into buffer: UnsafeMutableRawBufferPointer) -> LinuxSystem.IOResult {
        ERR_clear_error()
        let result = SSL_read(ssl, buffer.baseAddress, Int32(buffer.count))
        if result > 0 { return .bytes(Int(result)) }
        return outcome(of: result)
    }

    /// Encrypts and sends `bytes`; partial writes are enabled on the context.
    func write(_ bytes: UnsafeRawBufferPointer) -> LinuxSystem.IOResult {
        ERR_clear_error()
        let result = SSL_write(ssl, bytes.baseAddress, Int32(bytes.count))
        if result > 0 { return .bytes(Int(result)) }
        return outcome(of: result)
    }

    /// Sends close_notify once, without waiting for the peer's.
    func shutdown() {
        guard canShutdown else { return }
        canShutdown = false
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    private func outcome(of result: Int32) -> LinuxSystem.IOResult {
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .wouldBlock
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        default:
            canShutdown = false
            ERR_clear_error()
            return .failed
        }
    }
}
