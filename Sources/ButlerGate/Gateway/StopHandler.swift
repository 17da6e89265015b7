import GateHTTP
import PlexButler

/// Answers the stop routes: body → task → servers → scope, then the fan-out.
struct StopHandler: Sendable {
    /// The config state the request started with.
    let snapshot: GatewaySnapshot

    /// The stop result for an admitted stop request; throws the first failed check, before any Plex call.
    func handle(
        _ request: HTTPRequest,
        route: Route,
        key: APIKey,
        context: RequestContext
    ) async throws(GatewayError) -> HTTPResponse {
        if !route.takesServersQuery, request.query?.isEmpty == false {
            throw .badRequest("This route takes no query parameters.")
        }
        let contentType = try ContentTypeField.single(in: request.headers)
        let body = try RequestBody.parse(request.body, contentType: contentType, fields: route.bodyFields)
        let intent = try StopIntent.make(route: route, request: request, body: body)
        guard let task = intent.task.text.flatMap(snapshot.catalogue.canonicalName(for:)) else {
            throw .unknownTask(shown(intent.task), validTasks: snapshot.catalogue.names)
        }
        let targets = try targets(intent.servers, key: key)
        try checkScope(key: key, task: task, names: intent.servers?.compactMap(\.text), targets: targets)

        let deadline = ContinuousClock.now + .milliseconds(snapshot.config.limits.requestDeadlineMs)
        let servers = targets.map { snapshot.directory.plexServers[$0] }
        let results = await snapshot.fanout.stop(task: task, on: servers, deadline: deadline)
        for result in results {
            let level: LogLevel = result.outcome.isSuccess ? .debug : .warning
            context.logger.log(
                level,
                "upstream stop",
                metadata: [
                    "plex.server": .string(result.server), "plex.task": .string(task),
                    "plex.outcome": .string(result.outcome.rawValue), "duration.ms": .int(result.durationMs),
                ]
            )
        }
        let summary = StopSummary(results)
        let json = ResultBodies.stop(requestID: context.requestID, task: task, summary: summary, results: results)
        return JSONResponse.make(status: summary.httpStatus, json)
    }

    /// The server indices to call, each once, in config order: the named ones (404 for the first unknown
    /// name), or all the key reaches.
    private func targets(_ names: [SuppliedName]?, key: APIKey) throws(GatewayError) -> [Int] {
        guard let names else { return key.servers.sorted() }
        var chosen = Set<Int>()
        for name in names {
            guard let members = name.text.flatMap(snapshot.directory.expand) else {
                throw .unknownServer(shown(name))
            }
            chosen.formUnion(members)
        }
        return chosen.sorted()
    }

    /// How a refused name appears in a problem detail: masked when it may hold a secret, nil when unreadable.
    private func shown(_ name: SuppliedName) -> String? {
        name.text.map { snapshot.secrets.mayHoldSecret($0) ? "***" : $0 }
    }

    /// The last check: the key may use the API, stop the task, and reach every named server or group in full.
    private func checkScope(key: APIKey, task: String, names: [String]?, targets: [Int]) throws(GatewayError) {
        guard key.api else { throw .forbidden("This key may not use the API routes.") }
        guard key.mayStop(task) else { throw .forbidden("This key may not stop \(task).") }
        for name in names ?? [] {
            let members = snapshot.directory.expand(name) ?? []
            guard key.mayReach(members) else {
                let partly = members.count > 1 && members.contains(where: key.servers.contains)
                throw .forbidden("'\(name.prefix(64))' is \(partly ? "only partly" : "not") within this key's scope.")
            }
        }
        guard !targets.isEmpty else { throw .forbidden("This key may reach no server.") }
    }
}
