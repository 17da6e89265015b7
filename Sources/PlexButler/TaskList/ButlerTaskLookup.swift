/// Learns a server's own task list from `GET /butler`, the only way to tell its two kinds of 404 apart.
struct ButlerTaskLookup: Sendable {
    let transport: any UpstreamTransport
    let cache: ButlerTaskListCache

    /// The server's task list, or nil when it could not be read within `budget`; only ever sends a GET.
    func taskList(
        on server: PlexServer,
        headers: [(name: String, value: String)],
        budget: Duration
    ) async -> ButlerTaskList? {
        let key = ButlerTaskListCache.Key(server)
        guard budget > .zero else {
            return cache.entry(for: key)?.list
        }
        switch cache.claim(key) {
        case .cached(let list):
            return list
        case .follow:
            return await cache.wait(for: key, within: budget)
        case .lead:
            let (list, remember) = await fetch(from: server, headers: headers, budget: budget)
            cache.finish(key, with: list, remember: remember)
            return list
        }
    }

    /// One `GET /butler`; `remember` is false when the answer says nothing lasting about the server.
    private func fetch(
        from server: PlexServer,
        headers: [(name: String, value: String)],
        budget: Duration
    ) async -> (list: ButlerTaskList?, remember: Bool) {
        let request = UpstreamRequest(
            method: "GET",
            url: server.baseURL + "/butler",
            headers: headers,
            tls: server.tls,
            resolveTo: server.resolveTo,
            timeout: budget
        )
        switch await transport.perform(request) {
        case .success(let response) where response.truncated:
            // Part of a list may lack the very task asked about, and says nothing lasting about the server.
            return (nil, false)
        case .success(let response) where response.status == 200:
            return (ButlerTaskList(body: response.body), true)
        case .success:
            return (nil, true)
        case .failure:
            // Timeouts and refusals pass; remembering them would hide the list once the server is back.
            return (nil, false)
        }
    }
}
