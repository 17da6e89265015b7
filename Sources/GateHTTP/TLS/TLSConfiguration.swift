/// Where the server's certificate chain and private key come from.
public struct TLSConfiguration: Sendable {
    public enum Source: Sendable {
        /// PEM files on disk, read when the TLS context is built.
        case files(certificatePath: String, privateKeyPath: String)
        /// PEM text held in memory (generated certificates, tests).
        case pem(certificate: String, privateKey: String)
    }

    public var source: Source

    public init(_ source: Source) {
        self.source = source
    }
}
