import PlexButler

/// Probes every configured server the way the gateway would call it, for `butlergate doctor`.
public enum ServerDoctor {
    /// Each server with what a read-only probe found, in config order.
    public static func probe(
        _ config: GatewayConfig,
        transport: any UpstreamTransport
    ) async -> [(server: ServerConfig, probe: ServerProbe)] {
        let client = GatewaySnapshot(config: config, transport: transport, version: ButlerGateVersion.current)
            .fanout.client
        var results: [(server: ServerConfig, probe: ServerProbe)] = []
        for server in config.servers {
            results.append((server, await client.probe(ServerDirectory.plexServer(server))))
        }
        return results
    }
}
