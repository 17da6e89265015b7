import GateHTTP

/// A responder that keeps every default of `HTTPResponder`, as MockPlex does.
struct NoContentResponder: HTTPResponder {
    func respond(to request: HTTPRequest) async -> HTTPResponse {
        HTTPResponse(status: 204)
    }
}
