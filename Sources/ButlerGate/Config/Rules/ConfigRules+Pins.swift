import Foundation

extension ConfigRules {
    /// Checks `sha256//<base64 of 32 bytes>`, several allowed when separated by `;` (curl's pin list form).
    static func pinnedPublicKey(_ text: String) -> ConfigRuleViolation? {
        let pins = text.split(separator: ";", omittingEmptySubsequences: false)
        for (index, pin) in pins.enumerated() {
            let which = pins.count > 1 ? "pin \(index + 1) " : ""
            let trimmed = pin.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("sha256//") else {
                return ConfigRuleViolation("\(which)must look like sha256//<base64 of the SHA-256 of the public key>")
            }
            guard let digest = Data(base64Encoded: String(trimmed.dropFirst("sha256//".count))) else {
                return ConfigRuleViolation("\(which)is not valid base64 after 'sha256//'")
            }
            guard digest.count == 32 else {
                return ConfigRuleViolation("\(which)must encode 32 bytes (a SHA-256 digest), got \(digest.count)")
            }
        }
        return nil
    }

    /// The 32 bytes of `sha256:<64 hex digits>` (hex in any case), or nil.
    static func keyHash(_ text: String) -> [UInt8]? {
        guard text.lowercased().hasPrefix("sha256:") else { return nil }
        let hex = String(text.dropFirst("sha256:".count))
        guard hex.utf8.count == 64 else { return nil }
        return Hex.decode(hex)
    }
}
