import PlexButler

/// Reads `servers[].tls`: how the gateway trusts one Plex server's certificate.
enum UpstreamTLSSection {
    /// The TLS settings, or the system-trust defaults when absent.
    static func read(_ server: ConfigObject, isHTTPS: Bool, context: ConfigLoadContext) -> UpstreamTLS {
        guard let tls = server.object("tls") else { return UpstreamTLS() }
        let sink = context.sink
        tls.allowOnly(["caFile", "pinnedPublicKey", "insecureSkipVerify"])
        let url = server.value("url")
        if !isHTTPS, case .string = url {
            sink.warning(tls.path, "has no effect: this server's url is http://, not https://")
        }
        let caFile = tls.string("caFile")
        if let caFile {
            context.checkPEMFile(caFile, at: tls.path.key("caFile"), label: "CERTIFICATE")
        }
        let pin = tls.string("pinnedPublicKey")
        if let pin, let violation = ConfigRules.pinnedPublicKey(pin) {
            sink.error(tls.path.key("pinnedPublicKey"), violation.message)
        }
        let insecure = tls.bool("insecureSkipVerify", default: false)
        if insecure {
            sink.warning(
                tls.path.key("insecureSkipVerify"),
                "certificate checks are off: anyone on the network path could pose as this server and receive its token"
            )
        }
        return UpstreamTLS(caFile: caFile, pinnedPublicKey: pin, insecureSkipVerify: insecure)
    }
}
