import Testing

@testable import ButlerGate

struct AuthFailureLimiterTests {
    @Test func moreThanLimitInTheWindowBlocksUntilTheOldestAgesOut() throws {
        let limiter = AuthFailureLimiter(window: .seconds(60))
        let start = ContinuousClock.now
        for second in 0..<3 {
            #expect(limiter.recordFailure(for: "a", limit: 3, now: start + .seconds(second)) == nil)
        }
        let blocked = try #require(limiter.recordFailure(for: "a", limit: 3, now: start + .seconds(10)))
        #expect(blocked == 50)
        #expect(limiter.retryAfter(for: "a", limit: 3, now: start + .seconds(59)) == 1)
        #expect(limiter.retryAfter(for: "a", limit: 3, now: start + .seconds(61)) == nil)
        #expect(limiter.retryAfter(for: "b", limit: 3, now: start) == nil)
    }

    @Test func memoryStaysBoundedUnderManyAddresses() {
        let limiter = AuthFailureLimiter(capacity: 100)
        let now = ContinuousClock.now
        for address in 0..<1000 {
            _ = limiter.recordFailure(for: "10.0.\(address / 256).\(address % 256)", limit: 5, now: now)
        }
        #expect(limiter.trackedAddresses <= 100)
    }
}
