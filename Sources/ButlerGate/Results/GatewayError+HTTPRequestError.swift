import GateHTTP

extension GatewayError {
    /// The gateway's form of a refusal made by the HTTP server before routing.
    init(_ error: HTTPRequestError) {
        switch error {
        case .badRequest(let reason): self = .badRequest(reason)
        case .uriTooLong: self = .uriTooLong
        case .headersTooLarge: self = .headersTooLarge
        case .bodyTooLarge: self = .bodyTooLarge
        case .notImplemented: self = .notImplemented
        case .versionNotSupported: self = .versionNotSupported
        case .requestTimeout: self = .requestTimeout
        case .httpsRequired: self = .httpsRequired
        }
    }
}
