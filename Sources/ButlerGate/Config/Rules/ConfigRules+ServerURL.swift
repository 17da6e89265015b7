import Foundation

extension ConfigRules {
    /// Checks a Plex server URL and returns it without trailing slashes, or why it is unusable.
    ///
    /// Messages never repeat the URL: a pasted URL may carry a token in its query or user part.
    static func serverURL(_ text: String) -> Result<String, ConfigRuleViolation> {
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            return .failure("must not contain spaces or control characters")
        }
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased() else {
            return .failure("must be an absolute URL such as http://192.168.1.10:32400")
        }
        guard scheme == "http" || scheme == "https" else {
            return .failure("must start with http:// or https://")
        }
        guard let host = parts.host, !host.isEmpty, text.dropFirst(scheme.count).hasPrefix("://") else {
            return .failure("must name a host, as in http://192.168.1.10:32400")
        }
        guard parts.user == nil, parts.password == nil else {
            return .failure("must not contain a user name or password; give the Plex token in 'token'")
        }
        guard parts.query == nil, parts.fragment == nil else {
            return .failure("must not contain a query ('?') or fragment ('#'); give the Plex token in 'token'")
        }
        if let port = parts.port, !(1...65535).contains(port) {
            return .failure("port must be between 1 and 65535")
        }
        var normalized = scheme + text.dropFirst(scheme.count)
        while normalized.hasSuffix("/") {
            normalized.removeLast()
        }
        return .success(normalized)
    }
}
