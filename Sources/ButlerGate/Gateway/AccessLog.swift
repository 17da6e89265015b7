import GateHTTP

/// The one line per request: written when the response is final, whichever path produced it.
enum AccessLog {
    /// Logs `response` for `context` at `notice`, so it shows at the default `info` level
    /// while `info` itself stays for lifecycle events.
    static func write(_ response: HTTPResponse, context: RequestContext) {
        context.logger.log(
            .notice,
            "access",
            metadata: [
                "key.id": .string(context.keyID ?? "-"),
                "http.method": .string(context.method),
                "http.path": .string(context.path),
                "http.status": .int(response.status),
                "duration.ms": .int(context.elapsedMs),
                "response.bytes": .int(response.body.count),
                "client.address": .string(context.clientAddress),
            ]
        )
    }
}
