import GateHTTP

/// What a stop request asks for, as the caller spelled it: validated for shape, not yet for meaning.
struct StopIntent: Sendable, Equatable {
    /// The task as spelled by the caller.
    var task: SuppliedName
    /// Server or group names; nil means every server the key may reach.
    var servers: [SuppliedName]?

    /// Reads the task and servers of a stop route from its path parameters, query and body.
    static func make(route: Route, request: HTTPRequest, body: RequestBody) throws(GatewayError) -> StopIntent {
        switch route {
        case .stopTask(let task):
            let fromQuery = try ServersQuery.parse(request.query)
            if fromQuery != nil, body.servers != nil {
                throw .badRequest("Give 'servers' in the query or in the body, not both.")
            }
            return StopIntent(task: task, servers: (fromQuery ?? body.servers)?.map(SuppliedName.text))
        case .stopOnServer(let server, let task):
            return StopIntent(task: task, servers: [server])
        case .stop:
            guard let task = body.task else { throw .invalidBody("The body must name a 'task'.") }
            return StopIntent(task: .text(task), servers: body.servers?.map(SuppliedName.text))
        default:
            preconditionFailure("StopIntent.make called for a route that stops nothing")
        }
    }
}
