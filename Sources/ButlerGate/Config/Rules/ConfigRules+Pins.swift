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
        let hex = Array(text.utf8.dropFirst("sha256:".count))
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for pair in stride(from: 0, to: 64, by: 2) {
            guard let high = hexValue(hex[pair]), let low = hexValue(hex[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
