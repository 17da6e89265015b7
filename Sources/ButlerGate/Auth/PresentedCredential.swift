import GateHTTP

/// The credential a request carries: none, exactly one key, or more than one field to choose from.
enum PresentedCredential: Sendable, Equatable {
    /// No `Authorization: Bearer` and no `X-API-Key` (another `Authorization` scheme counts as none).
    case missing
    /// The one key sent, trimmed.
    case key(String)
    /// Two or more `Authorization` / `X-API-Key` fields, in any mix.
    case ambiguous

    /// Reads the credential fields of `headers`.
    ///
    /// Picking one of several fields would let field order decide who the caller is, and proxies
    /// differ in which one they keep; so any second field makes the request's credential ambiguous.
    init(headers: HTTPHeaders) {
        let authorizations = headers.values("Authorization")
        let apiKeys = headers.values("X-API-Key")
        guard authorizations.count + apiKeys.count <= 1 else {
            self = .ambiguous
            return
        }
        if let authorization = authorizations.first {
            let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            let isBearer = parts.count == 2 && FoldedName(String(parts[0])) == FoldedName("bearer")
            let key = isBearer ? parts[1].trimmingSpaces() : ""
            self = key.isEmpty ? .missing : .key(key)
        } else if let header = apiKeys.first?.trimmingSpaces(), !header.isEmpty {
            self = .key(header)
        } else {
            self = .missing
        }
    }
}
