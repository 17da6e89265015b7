/// Value rules of the config that need no context: name patterns, URLs, pins, hashes, addresses.
enum ConfigRules {
    /// How a name must look, for messages.
    static let nameRule = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"

    /// `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`: server, group and key names.
    static func isName(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, scalars.count <= 64, isAlphanumeric(first) else { return false }
        return scalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// `[A-Za-z0-9-]{1,128}`: a Plex machine identifier.
    static func isMachineIdentifier(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        return (1...128).contains(scalars.count) && scalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
    }

    /// `[A-Za-z0-9._-]{1,128}`: the gateway's `X-Plex-Client-Identifier`.
    static func isClientIdentifier(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        return (1...128).contains(scalars.count)
            && scalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// Visible ASCII only, so the value can travel in an HTTP header without splitting it.
    static func isHeaderToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
    }

    /// Printable text without control characters (spaces allowed), for display names sent as headers.
    static func isHeaderText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
