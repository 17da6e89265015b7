import COpenSSL

/// Makes a throwaway certificate for loopback use (demo, tests).
public enum SelfSignedCertificate {
    /// A P-256 key and a self-signed X509v3 certificate for the given names, PEM-encoded.
    public static func generate(
        commonName: String = "localhost",
        ipAddresses: [String] = ["127.0.0.1", "::1"],
        dnsNames: [String] = ["localhost"],
        validDays: Int = 30
    ) throws -> (certificatePEM: String, privateKeyPEM: String) {
        let names = try subjectAltNames(ipAddresses: ipAddresses, dnsNames: dnsNames)
        guard let key = bg_evp_ec_gen_p256() else { throw failure("EC key generation") }
        defer { EVP_PKEY_free(key) }
        guard let certificate = X509_new() else { throw failure("X509_new") }
        defer { X509_free(certificate) }
        X509_set_version(certificate, 2)
        var serial = [UInt8](repeating: 0, count: 8)
        RAND_bytes(&serial, Int32(serial.count))
        ASN1_INTEGER_set_uint64(X509_get_serialNumber(certificate), serial.reduce(0) { $0 << 8 | UInt64($1) } >> 1)
        X509_gmtime_adj(X509_getm_notBefore(certificate), -300)
        X509_gmtime_adj(X509_getm_notAfter(certificate), max(1, validDays) * 86_400)
        X509_set_pubkey(certificate, key)
        let subject = X509_get_subject_name(certificate)
        let added = X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC, commonName, -1, -1, 0)
        guard added == 1 else { throw failure("invalid common name") }
        X509_set_issuer_name(certificate, subject)
        try addExtension(NID_subject_alt_name, names, to: certificate)
        try addExtension(NID_basic_constraints, "critical,CA:FALSE", to: certificate)
        try addExtension(NID_ext_key_usage, "serverAuth", to: certificate)
        guard X509_sign(certificate, key, EVP_sha256()) > 0 else { throw failure("X509_sign") }
        let certificatePEM = try pem { PEM_write_bio_X509($0, certificate) }
        let keyPEM = try pem { PEM_write_bio_PrivateKey($0, key, nil, nil, 0, nil, nil) }
        return (certificatePEM, keyPEM)
    }

    /// The `subjectAltName` value; names are validated so they cannot inject further entries.
    private static func subjectAltNames(ipAddresses: [String], dnsNames: [String]) throws -> String {
        let dnsAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.*")
        let ipAllowed = Set("0123456789abcdefABCDEF.:")
        var entries: [String] = []
        for address in ipAddresses {
            guard !address.isEmpty, address.allSatisfy(ipAllowed.contains) else {
                throw HTTPServerError(.certificateGenerationFailed, "invalid IP address for certificate: \(address)")
            }
            entries.append("IP:\(address)")
        }
        for name in dnsNames {
            guard !name.isEmpty, name.allSatisfy(dnsAllowed.contains) else {
                throw HTTPServerError(.certificateGenerationFailed, "invalid DNS name for certificate: \(name)")
            }
            entries.append("DNS:\(name)")
        }
        guard !entries.isEmpty else {
            throw HTTPServerError(.certificateGenerationFailed, "a certificate needs at least one name")
        }
        return entries.joined(separator: ",")
    }

    private static func addExtension(_ nid: Int32, _ value: String, to certificate: OpaquePointer) throws {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, certificate, certificate, nil, nil, 0)
        guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else { throw failure("extension \(nid)") }
        defer { X509_EXTENSION_free(ext) }
        guard X509_add_ext(certificate, ext, -1) == 1 else { throw failure("X509_add_ext") }
    }

    private static func pem(_ write: (OpaquePointer) -> Int32) throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw failure("BIO_new") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw failure("PEM write") }
        var data: UnsafeMutablePointer<CChar>?
        let length = bg_bio_get_mem_data(bio, &data)
        guard let data, length > 0 else { throw failure("PEM read-back") }
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func failure(_ step: String) -> HTTPServerError {
        HTTPServerError(.certificateGenerationFailed, "\(step): \(OpenSSLErrors.drain())")
    }
}
