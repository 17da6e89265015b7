import Glibc

/// Nanoseconds on the monotonic clock, the unit of every connection deadline.
enum MonotonicClock {
    /// The current monotonic time in nanoseconds.
    @inline(__always)
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// The `ContinuousClock` instant of an earlier reading, for APIs that speak Swift clocks; only the
    /// elapsed time is carried over, so the two clocks need not share an epoch.
    static func instant(of reading: UInt64) -> ContinuousClock.Instant {
        let current = now()
        return .now - .nanoseconds(Int64(clamping: current > reading ? current - reading : 0))
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped at zero.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) &* 1_000_000_000 &+ UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
