import GateSync

/// Remembers what each server's `GET /butler` said, and lets concurrent 404s share one lookup, so
/// that repeated or simultaneous 404s do not double the calls.
///
/// `@unchecked Sendable`: `entries`, `flights` and `nextWaiter` are read and written only while holding `lock`.
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

    /// What a caller that needs a server's list is to do.
    enum Claim: Sendable, Equatable {
        /// Use this remembered answer.
        case cached(ButlerTaskList?)
        /// Read the list, then hand it over with `finish`.
        case lead
        /// Another caller is reading it: `wait` for that.
        case follow
    }

    private typealias Waiter = CheckedContinuation<ButlerTaskList?, Never>

    /// How long a list is trusted; servers gain or lose tasks only with an upgrade.
    let listLifetime: Duration
    /// How long an answer without a list is trusted; shorter, as it may come from a passing fault.
    let missingLifetime: Duration
    private let lock = Lock()
    private var entries: [Key: Entry] = [:]
    private var flights: [Key: [Int: Waiter]] = [:]
    private var nextWaiter = 0

    /// An empty cache.
    init(listLifetime: Duration, missingLifetime: Duration) {
        self.listLifetime = listLifetime
        self.missingLifetime = missingLifetime
    }

    /// The unexpired entry for `key`, if any.
    func entry(for key: Key, now: ContinuousClock.Instant = .now) -> Entry? {
        lock.withLock { unexpired(key, now: now) }
    }

    /// The remembered answer, or the caller's part in reading a fresh one; a `lead` must be finished.
    func claim(_ key: Key) -> Claim {
        lock.withLock {
            if let entry = unexpired(key, now: .now) {
                return .cached(entry.list)
            }
            guard flights[key] == nil else {
                return .follow
            }
            flights[key] = [:]
            return .lead
        }
    }

    /// The leader's answer, or nil when it does not come within `budget`.
    func wait(for key: Key, within budget: Duration) async -> ButlerTaskList? {
        let id = lock.withLock {
            nextWaiter += 1
            return nextWaiter
        }
        return await withCheckedContinuation { waiter in
            let late: Entry?? = lock.withLock {
                guard flights[key] != nil else {
                    return .some(unexpired(key, now: .now))
                }
                flights[key]?[id] = waiter
                return .none
            }
            if let late {
                // The leader finished between `claim` and now.
                waiter.resume(returning: late?.list)
                return
            }
            Task {
                try? await Task.sleep(for: budget)
                self.release(id, of: key)
            }
        }
    }

    /// Ends a `lead`: remembers the answer when it is worth remembering, and hands it to every waiter.
    func finish(_ key: Key, with list: ButlerTaskList?, remember: Bool, now: ContinuousClock.Instant = .now) {
        let waiters = lock.withLock {
            if remember {
                entries = entries.filter { $0.value.expires > now }
                let lifetime = list == nil ? missingLifetime : listLifetime
                entries[key] = Entry(list: list, expires: now.advanced(by: lifetime))
            }
            return flights.removeValue(forKey: key) ?? [:]
        }
        for waiter in waiters.values {
            waiter.resume(returning: list)
        }
    }

    /// Gives up on one waiter whose budget ran out, unless `finish` already answered it.
    private func release(_ id: Int, of key: Key) {
        let waiter = lock.withLock { flights[key]?.removeValue(forKey: id) }
        waiter?.resume(returning: nil)
    }

    /// Must be called with `lock` held.
    private func unexpired(_ key: Key, now: ContinuousClock.Instant) -> Entry? {
        guard let entry = entries[key], entry.expires > now else {
            return nil
        }
        return entry
    }
}
