/// The version the CLI prints and Plex sees in `X-Plex-Version`.
public enum ButlerGateVersion {
    public static let current = "0.1.0"
}
