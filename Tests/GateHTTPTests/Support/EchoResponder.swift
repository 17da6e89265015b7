import GateHTTP

/// A responder whose behaviour is chosen by path, for the loopback server tests.
struct EchoResponder: HTTPResponder {
    func screen(_ head: HTTPRequestHead) -> HeadDecision {
        switch head.path {
        case "/screened": .respond(HTTPResponse(status: 403, body: Array("screened".utf8)))
        case "/small": .proceed(maxBodyBytes: 16)
        default: .proceed(maxBodyBytes: 1 << 20)
        }
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch request.path {
        case "/drop":
            return .drop
        case "/close":
            return HTTPResponse(status: 200, body: Array("bye".utf8), closesConnection: true)
        case "/stuck":
            try? await Task.sleep(for: .seconds(3))
            return HTTPResponse(status: 200, body: Array("finally".utf8))
        case "/slow":
            try? await Task.sleep(for: .milliseconds(1500))
            return HTTPResponse(status: 200, body: Array("slow done".utf8))
        default:
            let summary = "\(request.method) \(request.head.target) \(request.body.count):"
            return HTTPResponse(
                status: 200,
                headers: HTTPHeaders([("Content-Type", "text/plain")]),
                body: Array(summary.utf8) + request.body
            )
        }
    }

    /// Names the connection and the method in the body, and how long ago the request started in
    /// `X-Started-Ms-Ago` (`-` when it had not), so tests see what reached `reject`.
    func reject(_ error: HTTPRequestError, head: HTTPRequestHead?, connection: HTTPConnectionInfo) -> HTTPResponse {
        let summary = "refused \(connection.remoteAddress) \(connection.isTLS) \(head?.method ?? "-")"
        let age = connection.requestStarted.map { String(Int($0.duration(to: .now) / .milliseconds(1))) } ?? "-"
        return HTTPResponse(
            status: error.status,
            headers: HTTPHeaders([("X-Started-Ms-Ago", age)]),
            body: Array(summary.utf8),
            closesConnection: true
        )
    }
}
