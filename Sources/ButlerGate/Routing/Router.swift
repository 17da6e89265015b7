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
    ///
    /// Fixed words must be readable; a parameter may be `.unreadable`, so a stop route with a name that
    /// is no name still answers `unknown_task` / `unknown_server` in DESIGN 1.1's order, not 404.
    private static func routes(for segments: [SuppliedName]) -> [(method: String, route: Route)] {
        let words = segments.map(\.text)
        switch segments.count {
        case 1:
            switch words[0] {
            // Uptime monitors probe with HEAD; the HTTP writer drops the body for it.
            case "healthz": return [("GET", .health), ("HEAD", .health)]
            case "readyz": return [("GET", .readiness), ("HEAD", .readiness)]
            default: return []
            }
        case 2 where words[0] == "v1":
            switch words[1] {
            case "stop": return [("POST", .stop)]
            case "tasks": return [("GET", .listTasks)]
            case "servers": return [("GET", .listServers)]
            default: return []
            }
        case 4 where words[0] == "v1" && words[1] == "tasks" && words[3] == "stop":
            return [("POST", .stopTask(task: segments[2]))]
        case 5 where words[0] == "v1" && words[1] == "servers" && words[3] == "tasks":
            return [("DELETE", .stopOnServer(server: segments[2], task: segments[4]))]
        case 6 where words[0] == "v1" && words[1] == "servers" && words[3] == "tasks" && words[5] == "stop":
            return [("POST", .stopOnServer(server: segments[2], task: segments[4]))]
        default:
            return []
        }
    }
}
