import GateHTTP

/// Renders a `GatewayError` as `application/problem+json` (RFC 9457): the one place errors become bytes.
enum ProblemResponse {
    /// The response for `error`, carrying `requestID` in the body (the header is added for every response).
    static func make(_ error: GatewayError, requestID: String) -> HTTPResponse {
        var members: [(String, JSONValue)] = [
            ("type", .string("urn:butlergate:problem:" + error.code)),
            ("title", .string(error.title)),
            ("status", .int(error.status)),
            ("detail", .string(error.detail)),
            ("requestId", .string(requestID)),
            ("code", .string(error.code)),
        ]
        if !error.validTasks.isEmpty {
            members.append(("validTasks", .strings(error.validTasks)))
        }
        var headers = HTTPHeaders([("Content-Type", "application/problem+json")])
        headers.add("Cache-Control", "no-store")
        if error.status == 401 {
            headers.add("WWW-Authenticate", "Bearer")
        }
        if !error.allowedMethods.isEmpty {
            headers.add("Allow", error.allowedMethods.joined(separator: ", "))
        }
        if let seconds = error.retryAfterSeconds {
            headers.add("Retry-After", String(seconds))
        }
        return HTTPResponse(status: error.status, headers: headers, body: JSONValue.object(members).bytes)
    }
}
