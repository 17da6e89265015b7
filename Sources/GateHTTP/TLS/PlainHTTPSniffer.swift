/// Tells a TLS ClientHello from a plain HTTP request line in the first bytes on a TLS listener.
enum PlainHTTPSniffer {
    /// What the first bytes look like.
    enum Verdict: Equatable {
        /// A TLS record, or anything that is not clearly HTTP: OpenSSL decides.
        case handshake
        /// An ASCII method token and a space: a client that forgot `https://`.
        case plainHTTP
        /// Only method letters so far: wait for more bytes.
        case needMore
    }

    /// Bytes enough to decide: the longest common method (`OPTIONS`, `CONNECT`) and its space.
    static let prefixLength = 8

    /// Classifies the first `bytes` received on a connection (at most `prefixLength` are looked at).
    static func classify(_ bytes: UnsafeRawBufferPointer) -> Verdict {
        for (index, byte) in bytes.prefix(prefixLength).enumerated() {
            if byte == ByteClass.space { return index > 0 ? .plainHTTP : .handshake }
            // 0x16 (a handshake record) and every other byte fail here; only upper-case methods are "clear".
            guard (0x41...0x5A).contains(byte) else { return .handshake }
        }
        return bytes.count < prefixLength ? .needMore : .handshake
    }
}
