/// Remembers what each server's `GET /butler` said, so repeated 404s do not double the calls.
///
/// `@unchecked Sendable`: `entries` is read and written only while holding `lock`.
final class ButlerTaskListCache: @unchecked Sendable {
    /// Identifies one server as reached with one token; the token itself is kept only as a hash.
    struct Key: Hashable, Sendable {
        let baseURL: String
        let tokenDigest: Int

        /// The key for `server`; its description can never show the token.
        init(_ server: PlexServer) {
            baseURL = server.baseURL
            var hasher = Hasher()
            hasher.combine(server.token)
            tokenDigest = hasher.finalize()
        }
    }

    /// What the server said: its list, or nil when it answered without a readable one.
    struct Entry: Sendable {
        let list: ButlerTaskList?
        let expires: ContinuousClock.Instant
    }

    /// How long a list is trusted; servers gain or lose tasks only with an upgrade.
    let listLifetime: Duration
    /// How long an answer without a list is trusted; shorter, as it may come from a passing fault.
    let missingLifetime: Duration
    private let lock = Lock()
    private var entries: [Key: Entry] = [:]

    /// An empty cache.
    init(listLifetime: Duration, missingLifetime: Duration) {
        self.listLifetime = listLifetime
        self.missingLifetime = missingLifetime
    }

    /// The unexpired entry for `key`, if any.
    func entry(for key: Key, now: ContinuousClock.Instant = .now) -> Entry? {
        lock.withLock {
            guard let entry = entries[key], entry.expires > now else {
                return nil
            }
            return entry
        }
    }

    /// Records an answer and drops expired entries, so the table stays as small as the server list.
    func store(_ list: ButlerTaskList?, for key: Key, now: ContinuousClock.Instant = .now) {
        let entry = Entry(list: list, expires: now.advanced(by: list == nil ? missingLifetime : listLifetime))
        lock.withLock {
            entries = entries.filter { $0.value.expires > now }
            entries[key] = entry
        }
    }
}
