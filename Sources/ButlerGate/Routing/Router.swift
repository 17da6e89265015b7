/// Maps a method and path to a route: 404 `unknown_route` or 405 `method_not_allowed` otherwise.
enum Router {
    /// The route for `method` on `path` (query already removed).
    static func match(method: String, path: String) throws(GatewayError) -> Route {
        guard let segments = PathSegments.split(path) else { throw .unknownRoute }
        let candidates = routes(for: segments)
        guard !candidates.isEmpty else { throw .unknownRoute }
        guard let route = candidates.first(where: { $0.method == method })?.route else {
            throw .methodNotAllowed(allowed: candidates.map(\.method))
        }
        return route
    }

    /// Whether `path` is one of the routes open without a key, whatever the method.
    static func isPublicPath(_ path: String) -> Bool {
        path == "/healthz" || path == "/readyz"
    }

    /// Every (method, route) pair the path shape admits.
    private static func routes(for segments: [String]) -> [(method: String, route: Route)] {
        switch segments.count {
        case 1:
            switch segments[0] {
            case "healthz": return [("GET", .health)]
            case "readyz": return [("GET", .readiness)]
            default: return []
            }
        case 2 where segments[0] == "v1":
            switch segments[1] {
            case "stop": return [("POST", .stop)]
            case "tasks": return [("GET", .listTasks)]
            case "servers": return [("GET", .listServers)]
            default: return []
            }
        case 4 where segments[0] == "v1" && segments[1] == "tasks" && segments[3] == "stop":
            return [("POST", .stopTask(task: segments[2]))]
        case 5 where segments[0] == "v1" && segments[1] == "servers" && segments[3] == "tasks":
            return [("DELETE", .stopOnServer(server: segments[2], task: segments[4]))]
        case 6 where segments[0] == "v1" && segments[1] == "servers" && segments[3] == "tasks" && segments[5] == "stop":
            return [("POST", .stopOnServer(server: segments[2], task: segments[4]))]
        default:
            return []
        }
    }
}
