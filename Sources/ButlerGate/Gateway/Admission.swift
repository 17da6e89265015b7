import GateHTTP

/// The checks that need only the head: key (401/429), route and method (404/405), declared size (413).
/// `screen` runs them before the body is read, `respond` again so it never depends on `screen` having run.
struct Admission: Sendable {
    /// The matched route and its path parameters.
    let route: Route
    /// The matched key; nil only for the public routes.
    let key: APIKey?

    /// Admits `head` or throws the first check that fails, recording failed key checks in `limiter`.
    init(
        head: HTTPRequestHead,
        snapshot: GatewaySnapshot,
        limiter: AuthFailureLimiter,
        context: inout RequestContext
    ) throws(GatewayError) {
        if Router.isPublicPath(head.path) {
            route = try Router.match(method: head.method, path: head.path)
            key = nil
            return
        }
        let limit = snapshot.config.limits.authFailuresPerMinute
        if let seconds = limiter.retryAfter(for: head.remoteAddress, limit: limit) {
            throw .rateLimited(retryAfterSeconds: seconds)
        }
        let credential = PresentedCredential(headers: head.headers)
        // Only a presented key can be a guess; a caller that forgot the header is not counted.
        guard credential != .missing else { throw .invalidAPIKey }
        guard case .key(let presented) = credential, let matched = snapshot.keys.match(presented) else {
            if let seconds = limiter.recordFailure(for: head.remoteAddress, limit: limit) {
                throw .rateLimited(retryAfterSeconds: seconds)
            }
            throw credential == .ambiguous ? .ambiguousAPIKey : .invalidAPIKey
        }
        context.keyID = matched.id
        route = try Router.match(method: head.method, path: head.path)
        key = matched
        if let declared = head.contentLength, declared > snapshot.config.limits.maxBodyBytes {
            throw .bodyTooLarge
        }
    }
}
