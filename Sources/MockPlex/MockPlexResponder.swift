import GateHTTP

/// Answers the Butler routes the way a Plex Media Server does.
struct MockPlexResponder: HTTPResponder {
    let state: MockPlexState
    let machineIdentifier: String

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let record = MockPlexRequest(method: request.method, target: request.head.target, headers: request.headers)
        await state.record(record)
        let task = butlerTask(in: request.path)
        if let fault = await state.fault(for: task), let answer = await apply(fault) {
            return answer
        }

        if request.method == "GET", request.path == "/identity" {
            return json(200, #"{"MediaContainer":{"size":0,"machineIdentifier":"\#(machineIdentifier)"}}"#)
        }
        guard request.path == "/butler" || task != nil else {
            return json(404, #"{"errors":[{"code":1002,"message":"Not found","status":404}]}"#)
        }
        guard await isAuthorized(request) else {
            return json(401, #"{"errors":[{"code":1001,"message":"User could not be authenticated","status":401}]}"#)
        }
        return await butler(method: request.method, task: task)
    }

    private func butler(method: String, task: String?) async -> HTTPResponse {
        switch (method, task) {
        case ("DELETE", nil):
            await state.stopAll()
            return HTTPResponse(status: 200)
        case ("DELETE", let task?):
            return await state.stop(task) ? HTTPResponse(status: 200) : HTTPResponse(status: 404)
        case ("POST", let task?):
            guard await state.knownTasks.contains(task) else { return HTTPResponse(status: 404) }
            return await state.start(task) ? HTTPResponse(status: 200) : HTTPResponse(status: 202)
        case ("GET", nil):
            // No list configured stands for a build without `GET /butler`, so that a bare mock's
            // 404s stay "not running" instead of every task looking unknown.
            guard await !state.knownTasks.isEmpty else { return HTTPResponse(status: 404) }
            return json(200, await taskList())
        default:
            return HTTPResponse(status: 405)
        }
    }

    /// Applies a fault; nil means "now answer normally".
    private func apply(_ fault: MockPlexFault) async -> HTTPResponse? {
        switch fault {
        case .delay(let pause):
            try? await Task.sleep(for: pause)
            return nil
        case .hang:
            // Held until shutdown, bounded so that a forgotten hang cannot outlive a test run.
            let clock = ContinuousClock()
            let end = clock.now.advanced(by: .seconds(120))
            while clock.now < end, await !state.isStopping {
                try? await Task.sleep(for: .milliseconds(20))
            }
            return .drop
        case .closeWithoutAnswer:
            return .drop
        case .status(let status):
            return json(status, #"{"errors":[{"code":2000,"message":"Simulated failure","status":\#(status)}]}"#)
        case .html(let status):
            var response = HTTPResponse(status: status, body: Array(Self.htmlPage.utf8))
            response.headers.set("Content-Type", "text/html; charset=utf-8")
            return response
        }
    }

    private func isAuthorized(_ request: HTTPRequest) async -> Bool {
        let token = await state.validToken
        return request.headers["X-Plex-Token"] == token
    }

    private func taskList() async -> String {
        let tasks = await state.knownTasks.map { name in
            #"{"name":"\#(name)","title":"\#(name)","interval":7,"enabled":true,"scheduleRandomized":false}"#
        }
        return #"{"ButlerTasks":{"ButlerTask":[\#(tasks.joined(separator: ","))]}}"#
    }

    private func butlerTask(in path: String) -> String? {
        let prefix = "/butler/"
        guard path.hasPrefix(prefix), path.count > prefix.count else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    private func json(_ status: Int, _ body: String) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: HTTPHeaders([("Content-Type", "application/json")]),
            body: Array(body.utf8)
        )
    }

    private static let htmlPage = "<html><head><title>Error</title></head><body><h1>Something broke</h1></body></html>"
}
