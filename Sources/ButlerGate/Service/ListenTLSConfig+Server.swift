import GateHTTP

extension ListenTLSConfig {
    /// The server's TLS settings for these PEM files, read when the context is built.
    public var serverTLS: TLSConfiguration {
        TLSConfiguration(.files(certificatePath: certificate, privateKeyPath: privateKey))
    }
}
