/// Plain HTTP sent to a TLS listener: answered in plain text instead of a handshake failure.
extension Connection {
    /// Peeks at the first bytes; true once they are for OpenSSL, false while waiting or when handled.
    func sniffFirstBytes() -> Bool {
        let window = UnsafeMutableRawBufferPointer(rebasing: loop.scratch[..<PlainHTTPSniffer.prefixLength])
        switch LinuxSystem.peek(fd, into: window) {
        case .bytes(let count):
            switch PlainHTTPSniffer.classify(UnsafeRawBufferPointer(rebasing: window[..<count])) {
            case .handshake:
                sniffed = true
                return true
            case .plainHTTP:
                answerPlainHTTP()
                return false
            case .needMore:
                return false
            }
        case .wouldBlock:
            return false
        case .closed, .failed:
            close()
            return false
        }
    }

    /// Writes the fixed answer in one go (a fresh socket's send buffer has room for it), then closes
    /// politely so the client reads it instead of a reset.
    private func answerPlainHTTP() {
        _ = PlainHTTPSniffer.response.withUnsafeBytes { LinuxSystem.write(fd, $0) }
        beginClosing()
    }
}
