/// A matched route with its decoded path parameters.
enum Route: Sendable, Equatable {
    /// `POST /v1/tasks/{task}/stop`
    case stopTask(task: SuppliedName)
    /// `POST /v1/servers/{server}/tasks/{task}/stop` and `DELETE /v1/servers/{server}/tasks/{task}`
    case stopOnServer(server: SuppliedName, task: SuppliedName)
    /// `POST /v1/stop`
    case stop
    /// `GET /v1/tasks`
    case listTasks
    /// `GET /v1/servers`
    case listServers
    /// `GET` and `HEAD /healthz`
    case health
    /// `GET` and `HEAD /readyz`
    case readiness

    /// Whether the route is open without a key.
    var isPublic: Bool {
        self == .health || self == .readiness
    }

    /// Whether `?servers=` may choose the servers; every other API route takes no query.
    var takesServersQuery: Bool {
        if case .stopTask = self { true } else { false }
    }

    /// The body fields the route accepts; any other field is `invalid_body`.
    var bodyFields: Set<String> {
        switch self {
        case .stopTask: ["servers"]
        case .stop: ["task", "servers"]
        default: []
        }
    }
}
