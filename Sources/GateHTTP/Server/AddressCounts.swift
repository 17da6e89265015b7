import GateSync

/// Open connections per client address, for `HTTPLimits.maxConnectionsPerAddress`.
///
/// The accepting loop admits and every loop releases as its connections close, so the counts sit
/// behind a lock; an address leaves the table when its last connection closes, which bounds the
/// table by the open connections.
final class AddressCounts: Sendable {
    private let cap: Int
    private let counts = Locked([String: Int]())

    /// Counts per address up to `cap` each; 0 admits everything without counting.
    init(cap: Int) {
        self.cap = cap
    }

    /// Counts one more connection from `address`; false (and nothing counted) when it is at the cap.
    func admit(_ address: String) -> Bool {
        guard cap > 0 else { return true }
        return counts.withLock { counts in
            let open = counts[address, default: 0]
            guard open < cap else { return false }
            counts[address] = open + 1
            return true
        }
    }

    /// How many addresses have connections counted.
    var addressCount: Int {
        counts.withLock { $0.count }
    }

    /// Forgets one connection from `address` that `admit` counted.
    func release(_ address: String) {
        guard cap > 0 else { return }
        counts.withLock { counts in
            guard let open = counts[address] else { return }
            counts[address] = open > 1 ? open - 1 : nil
        }
    }
}
