/// Every refusal of the gateway itself, with a stable `code`; rendered only by `ProblemResponse`.
public struct GatewayError: Error, Sendable, Equatable {
    private enum Code: String, Sendable {
        case invalidAPIKey = "invalid_api_key"
        case forbidden
        case unknownTask = "unknown_task"
        case unknownServer = "unknown_server"
        case unknownRoute = "unknown_route"
        case methodNotAllowed = "method_not_allowed"
        case invalidBody = "invalid_body"
        case unsupportedMediaType = "unsupported_media_type"
        case bodyTooLarge = "body_too_large"
        case rateLimited = "rate_limited"
        case badRequest = "bad_request"
        case uriTooLong = "uri_too_long"
        case headersTooLarge = "headers_too_large"
        case notImplemented = "not_implemented"
        case versionNotSupported = "version_not_supported"
        case requestTimeout = "request_timeout"
        case httpsRequired = "https_required"
        case notReady = "not_ready"
        case internalError = "internal_error"
    }

    private let kind: Code
    /// A fixed phrase, or one naming only what the caller sent after validation; never a secret.
    public let detail: String
    /// Methods the route takes, for 405.
    public private(set) var allowedMethods: [String] = []
    /// Canonical task names, for `unknown_task`.
    public private(set) var validTasks: [String] = []
    /// Seconds to wait, for 429.
    public private(set) var retryAfterSeconds: Int?

    private init(_ kind: Code, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// The stable machine-readable code, e.g. `unknown_task`.
    public var code: String { kind.rawValue }

    /// The HTTP status this error answers with.
    public var status: Int {
        switch kind {
        case .invalidAPIKey: 401
        case .forbidden: 403
        case .unknownServer, .unknownRoute: 404
        case .methodNotAllowed: 405
        case .requestTimeout: 408
        case .bodyTooLarge: 413
        case .uriTooLong: 414
        case .unsupportedMediaType: 415
        case .rateLimited: 429
        case .headersTooLarge: 431
        case .internalError: 500
        case .notImplemented: 501
        case .notReady: 503
        case .versionNotSupported: 505
        case .unknownTask, .invalidBody, .badRequest, .httpsRequired: 400
        }
    }

    /// A short human summary that depends only on the code.
    public var title: String {
        switch kind {
        case .invalidAPIKey: "Missing or invalid API key"
        case .forbidden: "Outside the key's scope"
        case .unknownTask: "Unknown task"
        case .unknownServer: "Unknown server"
        case .unknownRoute: "Unknown route"
        case .methodNotAllowed: "Method not allowed"
        case .invalidBody: "Invalid request body"
        case .unsupportedMediaType: "Unsupported media type"
        case .bodyTooLarge: "Request body too large"
        case .rateLimited: "Too many failed attempts"
        case .badRequest: "Bad request"
        case .uriTooLong: "Request target too long"
        case .headersTooLarge: "Request headers too large"
        case .notImplemented: "Not implemented"
        case .versionNotSupported: "HTTP version not supported"
        case .requestTimeout: "Request timeout"
        case .httpsRequired: "HTTPS required"
        case .notReady: "Not ready"
        case .internalError: "Internal error"
        }
    }
}

extension GatewayError {
    /// 401: no key, or a key that matches no enabled entry; the two are not told apart.
    public static let invalidAPIKey = GatewayError(
        .invalidAPIKey,
        "Send a valid API key as a Bearer token or in X-API-Key."
    )
    /// 401: more than one credential field, counted as a wrong key; which one was meant cannot be told.
    public static let ambiguousAPIKey = GatewayError(
        .invalidAPIKey,
        "The credentials are ambiguous: send exactly one Authorization or X-API-Key field."
    )
    /// 404: no route has this path.
    public static let unknownRoute = GatewayError(.unknownRoute, "No route matches this path.")
    /// 415: a non-empty body that is not JSON.
    public static let unsupportedMediaType = GatewayError(
        .unsupportedMediaType,
        "A request body must be application/json."
    )
    /// 415: two or more Content-Type fields, refused even without a body.
    public static let ambiguousContentType = GatewayError(
        .unsupportedMediaType,
        "The request has more than one Content-Type field; send one, application/json."
    )
    /// 413: the body is over the limit.
    public static let bodyTooLarge = GatewayError(.bodyTooLarge, "The request body is over the size limit.")
    /// 414: the request line is over the limit.
    public static let uriTooLong = GatewayError(.uriTooLong, "The request target is over the length limit.")
    /// 431: the header section is over the limit.
    public static let headersTooLarge = GatewayError(.headersTooLarge, "The header section is over the size limit.")
    /// 501: a transfer coding other than chunked.
    public static let notImplemented = GatewayError(.notImplemented, "Only chunked transfer coding is supported.")
    /// 505: an HTTP version other than 1.0 and 1.1.
    public static let versionNotSupported = GatewayError(.versionNotSupported, "Only HTTP/1.0 and HTTP/1.1 are served.")
    /// 408: the head or body stopped arriving part-way.
    public static let requestTimeout = GatewayError(
        .requestTimeout,
        "The request did not arrive in time; send the head and body without pausing."
    )
    /// 400: plain HTTP sent to the TLS listener; the answer itself goes out unencrypted.
    public static let httpsRequired = GatewayError(
        .httpsRequired,
        "This port speaks HTTPS only; send the request to an https:// URL."
    )
    /// 503: `/readyz` before the gateway is marked ready.
    public static let notReady = GatewayError(.notReady, "The gateway is not ready yet.")
    /// 500: a state that should not happen.
    public static let internalError = GatewayError(.internalError, "The gateway failed to answer.")

    /// 403 with the reason the scope refused.
    public static func forbidden(_ detail: String) -> GatewayError {
        GatewayError(.forbidden, detail)
    }

    /// 400 listing the catalogue, so the caller can fix the name; a nil name was not a readable name at all.
    public static func unknownTask(_ name: String?, validTasks: [String]) -> GatewayError {
        let detail =
            name.map { "\(quoted($0)) is not a Butler task; see validTasks." }
            ?? "The task in the path is not a valid name; see validTasks."
        var error = GatewayError(.unknownTask, detail)
        error.validTasks = validTasks
        return error
    }

    /// 404 naming the server or group that does not exist; a nil name was not a readable name at all.
    public static func unknownServer(_ name: String?) -> GatewayError {
        guard let name else { return GatewayError(.unknownServer, "The server in the path is not a valid name.") }
        return GatewayError(.unknownServer, "No server or group is called \(quoted(name)).")
    }

    /// 405 with the methods the path takes.
    public static func methodNotAllowed(allowed: [String]) -> GatewayError {
        var error = GatewayError(.methodNotAllowed, "This route takes \(allowed.joined(separator: ", ")).")
        error.allowedMethods = allowed
        return error
    }

    /// 400 for a body that is not the JSON this route takes.
    public static func invalidBody(_ detail: String) -> GatewayError {
        GatewayError(.invalidBody, detail)
    }

    /// 400 for a malformed request outside the body.
    public static func badRequest(_ detail: String) -> GatewayError {
        GatewayError(.badRequest, detail)
    }

    /// 429 after too many failed key checks from one address.
    public static func rateLimited(retryAfterSeconds: Int) -> GatewayError {
        var error = GatewayError(.rateLimited, "Too many failed key checks from this address; retry later.")
        error.retryAfterSeconds = retryAfterSeconds
        return error
    }

    /// Caller input is shown cut short, so a detail stays a one-line summary.
    private static func quoted(_ name: String) -> String {
        "'" + (name.count > 64 ? String(name.prefix(64)) + "…" : name) + "'"
    }
}
