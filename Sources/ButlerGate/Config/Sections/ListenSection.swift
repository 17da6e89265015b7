/// Reads `listen`: address, port, and the gateway's own certificate or the explicit plaintext opt-out.
enum ListenSection {
    /// The listen settings; missing or invalid parts are reported and replaced by defaults.
    static func read(_ root: ConfigObject, context: ConfigLoadContext) -> ListenConfig {
        guard let listen = root.object("listen", required: true) else { return ListenConfig(tls: nil) }
        listen.allowOnly(["host", "port", "tls", "insecurePlaintext"])
        let host = listen.string("host") ?? "0.0.0.0"
        if host.isEmpty || !ConfigRules.isHeaderToken(host) {
            context.sink.error(listen.path.key("host"), "must be an address or host name without spaces, e.g. 0.0.0.0")
        }
        let port = listen.integer("port", in: 0...65535, default: 8443)
        let plaintext = listen.bool("insecurePlaintext", default: false)
        let tls = readTLS(listen, context: context)

        let plaintextPath = listen.path.key("insecurePlaintext")
        switch (tls, plaintext) {
        case (.some, true):
            context.sink.error(plaintextPath, "cannot be true while listen.tls is set; remove one of them")
        case (nil, true):
            context.sink.warning(
                plaintextPath,
                "the gateway serves plain HTTP and API keys cross the network unencrypted; "
                    + "use this only behind a TLS proxy"
            )
        case (nil, false) where listen.value("tls") == nil:
            context.sink.error(
                listen.path.key("tls"),
                "required: give a certificate and private key, or set listen.insecurePlaintext to true"
            )
        default:
            break
        }
        return ListenConfig(host: host, port: port, tls: tls, insecurePlaintext: plaintext)
    }

    private static func readTLS(_ listen: ConfigObject, context: ConfigLoadContext) -> ListenTLSConfig? {
        guard let tls = listen.object("tls") else { return nil }
        tls.allowOnly(["certificate", "privateKey"])
        let certificate = tls.string("certificate", required: true)
        let privateKey = tls.string("privateKey", required: true)
        if let certificate {
            context.checkPEMFile(certificate, at: tls.path.key("certificate"), label: "CERTIFICATE")
        }
        if let privateKey {
            context.checkPEMFile(privateKey, at: tls.path.key("privateKey"), label: "PRIVATE KEY")
        }
        guard let certificate, let privateKey else { return nil }
        return ListenTLSConfig(certificate: certificate, privateKey: privateKey)
    }
}
