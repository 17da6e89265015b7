/// Makes a throwaway certificate for loopback use (demo, tests).
///
/// CONTRACT STUB: the implementation replaces the body; the public surface stays.
public enum SelfSignedCertificate {
    /// A P-256 key and a self-signed certificate for the given names, PEM-encoded.
    public static func generate(
        commonName: String = "localhost",
        ipAddresses: [String] = ["127.0.0.1", "::1"],
        dnsNames: [String] = ["localhost"],
        validDays: Int = 30
    ) throws -> (certificatePEM: String, privateKeyPEM: String) {
        fatalError("not implemented")
    }
}
