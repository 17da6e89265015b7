/// Learns a server's own task list from `GET /butler`, the only way to tell its two kinds of 404 apart.
struct ButlerTaskLookup: Sendable {
    let transport: any UpstreamTransport
    let cache: ButlerTaskListCache

    /// The server's task list, or nil when it could not be read within `budget`; never sends anything but a GET.
    func taskList(
        on server: PlexServer,
        headers: [(name: String, value: String)],
        budget: Duration
    ) async -> ButlerTaskList? {
        let key = ButlerTaskListCache.Key(server)
        if let entry = cache.entry(for: key) {
            return entry.list
        }
        guard budget > .zero else {
            return nil
        }

        let request = UpstreamRequest(
            method: "GET",
            url: server.baseURL + "/butler",
            headers: headers,
            tls: server.tls,
            resolveTo: server.resolveTo,
            timeout: budget
        )
        switch await transport.perform(request) {
        case .success(let response) where response.status == 200:
            let list = ButlerTaskList(body: response.body)
            cache.store(list, for: key)
            return list
        case .success:
            cache.store(nil, for: key)
            return nil
        case .failure:
            // Timeouts and refusals pass; remembering them would hide the list once the server is back.
            return nil
        }
    }
}
