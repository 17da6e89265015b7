/// Plain HTTP sent to a TLS listener: refused through the responder in plain text, not a handshake failure.
extension Connection {
    /// Peeks at the first bytes; true once they are for OpenSSL, false while waiting or when refused.
    func sniffFirstBytes() -> Bool {
        let window = UnsafeMutableRawBufferPointer(rebasing: loop.scratch[..<PlainHTTPSniffer.prefixLength])
        switch LinuxSystem.peek(fd, into: window) {
        case .bytes(let count):
            switch PlainHTTPSniffer.classify(UnsafeRawBufferPointer(rebasing: window[..<count])) {
            case .handshake:
                sniffed = true
                // Method letters seen while waiting were not a request after all.
                requestStartedAt = 0
                return true
            case .plainHTTP:
                if requestStartedAt == 0 { requestStartedAt = loop.now }
                // The request stays unread: it is drained with the rest of the input while closing.
                refuse(.httpsRequired, head: nil)
                return false
            case .needMore:
                if requestStartedAt == 0 { requestStartedAt = loop.now }
                return false
            }
        case .wouldBlock:
            return false
        case .closed, .failed:
            close()
            return false
        }
    }
}
