import GateHTTP

/// A successful JSON answer.
enum JSONResponse {
    /// `json` with `status`, not cached.
    static func make(status: Int, _ json: JSONValue) -> HTTPResponse {
        let headers = HTTPHeaders([("Content-Type", "application/json"), ("Cache-Control", "no-store")])
        return HTTPResponse(status: status, headers: headers, body: json.bytes)
    }
}
