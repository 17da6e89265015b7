extension TLSConfiguration {
    /// Builds the TLS context exactly as the server does at start, then drops it.
    ///
    /// Lets a config check refuse what `serve` would refuse (unreadable files, no certificate, a key
    /// that does not match) without binding a socket.
    /// - Throws: the `HTTPServerError` the server would throw for this configuration.
    public func check() throws(HTTPServerError) {
        _ = try TLSContext(self)
    }
}
