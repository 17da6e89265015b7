import COpenSSL
import Glibc

/// A server `SSL_CTX` built from a `TLSConfiguration`: TLS 1.2 minimum, chain and key checked.
final class TLSContext: @unchecked Sendable {
    // Safe without a lock: the SSL_CTX is fully configured in init and only read afterwards
    // (SSL_new takes its own reference and is thread-safe on a configured context).
    let context: OpaquePointer

    init(_ configuration: TLSConfiguration) throws(HTTPServerError) {
        let (certificatePEM, keyPEM) = try Self.load(configuration.source)
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw HTTPServerError(.contextFailed, "SSL_CTX_new: \(OpenSSLErrors.drain())")
        }
        self.context = context
        _ = bg_ssl_ctx_set_min_proto_version(context, TLS1_2_VERSION)
        let mode = SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS
        _ = bg_ssl_ctx_set_mode(context, Int(mode))
        bg_ssl_ctx_disable_renegotiation(context)
        try useCertificates(certificatePEM)
        try usePrivateKey(keyPEM)
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw HTTPServerError(.keyMismatch, "private key does not match certificate: \(OpenSSLErrors.drain())")
        }
    }

    deinit {
        SSL_CTX_free(context)
    }

    private static func load(_ source: TLSConfiguration.Source) throws(HTTPServerError) -> ([UInt8], [UInt8]) {
        switch source {
        case .pem(let certificate, let privateKey):
            return (Array(certificate.utf8), Array(privateKey.utf8))
        case .files(let certificatePath, let privateKeyPath):
            let certificate = try FileBytes.read(certificatePath, code: .certificateUnreadable)
            let key = try FileBytes.read(privateKeyPath, code: .privateKeyUnreadable)
            return (certificate, key)
        }
    }

    /// Installs the leaf (first PEM block) and any further blocks as its chain.
    private func useCertificates(_ pem: [UInt8]) throws(HTTPServerError) {
        let bio = pem.withUnsafeBytes { BIO_new_mem_buf($0.baseAddress, Int32($0.count)) }
        defer { BIO_free(bio) }
        guard let leaf = PEM_read_bio_X509(bio, nil, nil, nil) else {
            throw HTTPServerError(.certificateInvalid, "no PEM certificate found: \(OpenSSLErrors.drain())")
        }
        defer { X509_free(leaf) }
        guard SSL_CTX_use_certificate(context, leaf) == 1 else {
            throw HTTPServerError(.certificateInvalid, "certificate rejected: \(OpenSSLErrors.drain())")
        }
        while let extra = PEM_read_bio_X509(bio, nil, nil, nil) {
            guard bg_ssl_ctx_add0_chain_cert(context, extra) == 1 else {
                X509_free(extra)
                throw HTTPServerError(.certificateInvalid, "chain certificate rejected: \(OpenSSLErrors.drain())")
            }
        }
        OpenSSLErrors.clear()
    }

    private func usePrivateKey(_ pem: [UInt8]) throws(HTTPServerError) {
        let bio = pem.withUnsafeBytes { BIO_new_mem_buf($0.baseAddress, Int32($0.count)) }
        defer { BIO_free(bio) }
        guard let key = PEM_read_bio_PrivateKey(bio, nil, nil, nil) else {
            OpenSSLErrors.clear()
            throw HTTPServerError(.privateKeyInvalid, "no usable PEM private key found")
        }
        defer { EVP_PKEY_free(key) }
        guard SSL_CTX_use_PrivateKey(context, key) == 1 else {
            throw HTTPServerError(.keyMismatch, "private key rejected: \(OpenSSLErrors.drain())")
        }
    }

    /// A server-side session on `fd`, not yet handshaken.
    func makeSession(fd: Int32) -> TLSSession? {
        guard let ssl = SSL_new(context) else { return nil }
        guard SSL_set_fd(ssl, fd) == 1 else {
            SSL_free(ssl)
            return nil
        }
        SSL_set_accept_state(ssl)
        return TLSSession(ssl: ssl)
    }
}
