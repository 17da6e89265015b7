import GateSync

/// Counts failed key checks per client address over a sliding minute, in bounded memory.
final class AuthFailureLimiter: Sendable {
    private let window: Duration
    private let capacity: Int
    /// Per address, the most recent failure times, oldest first, at most `limit + 1` of them.
    private let failures = Locked<[String: [ContinuousClock.Instant]]>([:])

    /// A limiter over `window` remembering at most `capacity` addresses.
    init(window: Duration = .seconds(60), capacity: Int = 4096) {
        self.window = window
        self.capacity = capacity
    }

    /// Seconds until `address` may try again, or nil while it has at most `limit` failures in the window.
    func retryAfter(for address: String, limit: Int, now: ContinuousClock.Instant = .now) -> Int? {
        failures.withLock { table in
            guard let times = table[address] else { return nil }
            return blockedSeconds(times, limit: limit, now: now)
        }
    }

    /// Records a failure; returns the seconds to wait when this one took the address over `limit`.
    func recordFailure(for address: String, limit: Int, now: ContinuousClock.Instant = .now) -> Int? {
        failures.withLock { table in
            if table[address] == nil, table.count >= capacity {
                evict(from: &table, now: now)
            }
            var times = (table[address] ?? []).filter { now - $0 < window }
            times.append(now)
            if times.count > limit + 1 {
                times.removeFirst(times.count - limit - 1)
            }
            table[address] = times
            return blockedSeconds(times, limit: limit, now: now)
        }
    }

    /// The number of addresses remembered.
    var trackedAddresses: Int {
        failures.withLock { $0.count }
    }

    private func blockedSeconds(_ times: [ContinuousClock.Instant], limit: Int, now: ContinuousClock.Instant) -> Int? {
        let recent = times.filter { now - $0 < window }
        guard recent.count > limit, let oldest = recent.first else { return nil }
        let remaining = oldest + window - now
        let seconds = Int(remaining.components.seconds) + (remaining.components.attoseconds > 0 ? 1 : 0)
        return max(seconds, 1)
    }

    /// Drops addresses whose failures have aged out; when all are recent, the one idle longest goes.
    private func evict(from table: inout [String: [ContinuousClock.Instant]], now: ContinuousClock.Instant) {
        table = table.filter { _, times in times.last.map { now - $0 < window } ?? false }
        if table.count >= capacity, let stalest = table.min(by: { $0.value.last! < $1.value.last! })?.key {
            table[stalest] = nil
        }
    }
}
