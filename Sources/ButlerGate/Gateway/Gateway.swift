import GateHTTP
import GateSync
import PlexButler

/// The product: authenticates, routes and validates requests, fans stops out to Plex, and answers.
public final class Gateway: HTTPResponder {
    private let snapshot: Locked<GatewaySnapshot>
    private let ready = Locked(false)
    /// Kept across reloads, so a new config does not forgive recent failures.
    private let limiter = AuthFailureLimiter()
    private let transport: any UpstreamTransport
    private let logger: Logger
    private let version: String

    /// A gateway serving `config`, calling Plex through `transport`.
    public init(config: GatewayConfig, transport: any UpstreamTransport, logger: Logger, version: String) {
        snapshot = Locked(GatewaySnapshot(config: config, transport: transport, version: version))
        self.transport = transport
        self.logger = logger
        self.version = version
    }

    /// From now on `/readyz` answers 200.
    public func markReady() {
        ready.withLock { $0 = true }
        logger.info("gateway ready", metadata: ["version": .string(version)])
    }

    /// Whether `markReady()` has been called.
    public var isReady: Bool {
        ready.withLock { $0 }
    }

    /// Serves `config` from the next request on; requests in flight finish with the one they started with.
    public func reload(config: GatewayConfig) {
        let next = GatewaySnapshot(config: config, transport: transport, version: version)
        snapshot.withLock { $0 = next }
        let counts: LogMetadata = ["servers": .int(config.servers.count), "keys": .int(config.keys.count)]
        logger.info("config reloaded", metadata: counts)
    }

    /// Key, route, method and declared size, before the body is read; a refusal is logged here.
    public func screen(_ head: HTTPRequestHead) -> HeadDecision {
        let current = snapshot.withLock { $0 }
        var context = RequestContext(head: head, secrets: current.secrets, logger: logger)
        do {
            _ = try Admission(head: head, snapshot: current, limiter: limiter, context: &context)
            return .proceed(maxBodyBytes: current.config.limits.maxBodyBytes)
        } catch {
            return .respond(finish(ProblemResponse.make(error, requestID: context.requestID), context: context))
        }
    }

    /// Runs every check again, then answers; exactly one access line per call.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let current = snapshot.withLock { $0 }
        var context = RequestContext(head: request.head, secrets: current.secrets, logger: logger)
        let response: HTTPResponse
        do {
            response = try await answer(request, snapshot: current, context: &context)
        } catch {
            response = ProblemResponse.make(error, requestID: context.requestID)
        }
        return finish(response, context: context)
    }

    /// Renders the HTTP server's own refusals as problems, with a request id and an access line.
    public func reject(
        _ error: HTTPRequestError,
        head: HTTPRequestHead?,
        connection: HTTPConnectionInfo
    ) -> HTTPResponse {
        let secrets = snapshot.withLock { $0.secrets }
        let context = RequestContext(head: head, connection: connection, secrets: secrets, logger: logger)
        var response = ProblemResponse.make(GatewayError(error), requestID: context.requestID)
        response.closesConnection = true
        return finish(response, context: context)
    }

    private func answer(
        _ request: HTTPRequest,
        snapshot: GatewaySnapshot,
        context: inout RequestContext
    ) async throws(GatewayError) -> HTTPResponse {
        let admitted = try Admission(head: request.head, snapshot: snapshot, limiter: limiter, context: &context)
        if request.body.count > snapshot.config.limits.maxBodyBytes {
            throw .bodyTooLarge
        }
        switch admitted.route {
        case .health:
            return JSONResponse.make(status: 200, .object([("status", .string("ok"))]))
        case .readiness:
            guard isReady else { throw .notReady }
            return JSONResponse.make(status: 200, .object([("status", .string("ready"))]))
        case .listTasks, .listServers:
            guard let key = admitted.key else { throw .internalError }
            return try listing(request, route: admitted.route, key: key, snapshot: snapshot)
        case .stopTask, .stopOnServer, .stop:
            guard let key = admitted.key else { throw .internalError }
            return try await StopHandler(snapshot: snapshot)
                .handle(request, route: admitted.route, key: key, context: context)
        }
    }

    private func listing(
        _ request: HTTPRequest,
        route: Route,
        key: APIKey,
        snapshot: GatewaySnapshot
    ) throws(GatewayError) -> HTTPResponse {
        if request.query?.isEmpty == false {
            throw .badRequest("This route takes no query parameters.")
        }
        let contentType = try ContentTypeField.single(in: request.headers)
        _ = try RequestBody.parse(request.body, contentType: contentType, fields: [])
        guard key.api else { throw .forbidden("This key may not use the API routes.") }
        let json =
            route == .listTasks
            ? ResultBodies.tasks(snapshot.catalogue)
            : ResultBodies.servers(snapshot.directory, key: key)
        return JSONResponse.make(status: 200, json)
    }

    /// Stamps the request id on the response and writes the access line: every answer passes here once.
    private func finish(_ response: HTTPResponse, context: RequestContext) -> HTTPResponse {
        var stamped = response
        stamped.headers.set("X-Request-ID", context.requestID)
        AccessLog.write(stamped, context: context)
        return stamped
    }
}
