import Testing

@testable import PlexButler

/// The per-server memory of `GET /butler` answers, and the sharing of one lookup between callers.
struct ButlerTaskListCacheTests {
    private let list = ButlerTaskList(names: ["BackupDatabase"])
    private let key = ButlerTaskListCache.Key(Fixtures.server("http://127.0.0.1:1"))

    private func cache() -> ButlerTaskListCache {
        ButlerTaskListCache(listLifetime: .seconds(300), missingLifetime: .seconds(30))
    }

    @Test func entriesLiveForTheirLifetimeOnly() throws {
        let cache = cache()
        let other = ButlerTaskListCache.Key(Fixtures.server("http://127.0.0.1:2"))
        let start = ContinuousClock.now

        #expect(cache.claim(key) == .lead)
        #expect(cache.claim(other) == .lead)
        cache.finish(key, with: list, remember: true, now: start)
        cache.finish(other, with: nil, remember: true, now: start)

        #expect(cache.claim(key) == .cached(list))
        #expect(cache.entry(for: key, now: start.advanced(by: .seconds(299)))?.list == list)
        #expect(cache.entry(for: key, now: start.advanced(by: .seconds(301))) == nil)
        let missing = try #require(cache.entry(for: other, now: start.advanced(by: .seconds(29))))
        #expect(missing.list == nil)
        #expect(cache.entry(for: other, now: start.advanced(by: .seconds(31))) == nil)
    }

    @Test func oneCallerLeadsAndAnswersNotWorthKeepingAreForgotten() {
        let cache = cache()

        #expect(cache.claim(key) == .lead)
        #expect(cache.claim(key) == .follow)
        cache.finish(key, with: nil, remember: false)

        #expect(cache.claim(key) == .lead)
    }

    @Test func followersGetTheLeadersList() async {
        let cache = cache()
        #expect(cache.claim(key) == .lead)

        async let first = cache.wait(for: key, within: .seconds(2))
        async let second = cache.wait(for: key, within: .seconds(2))
        try? await Task.sleep(for: .milliseconds(50))
        cache.finish(key, with: list, remember: true)

        #expect(await [first, second] == [list, list])
    }

    @Test func followerGivesUpAtItsOwnBudget() async {
        let cache = cache()
        #expect(cache.claim(key) == .lead)

        let started = ContinuousClock.now
        let answer = await cache.wait(for: key, within: .milliseconds(100))
        let elapsed = ContinuousClock.now - started
        cache.finish(key, with: list, remember: true)

        #expect(answer == nil)
        #expect(elapsed >= .milliseconds(90) && elapsed < .seconds(3))
        #expect(cache.claim(key) == .cached(list))
    }

    @Test func keyTellsTokensApartWithoutHoldingThem() {
        var rotated = Fixtures.server("http://127.0.0.1:1")
        rotated.token = "tok-OTHER-000000000000"

        #expect(key == ButlerTaskListCache.Key(Fixtures.server("http://127.0.0.1:1")))
        #expect(key != ButlerTaskListCache.Key(rotated))
        #expect(!String(describing: key).contains(Fixtures.token))
        #expect(!String(reflecting: key).contains(Fixtures.token))
    }

    @Test func concurrentUseKeepsEveryServer() async {
        let cache = cache()
        let keys = (0..<64).map { ButlerTaskListCache.Key(Fixtures.server("http://127.0.0.1:\($0 + 1)")) }
        await withTaskGroup(of: Void.self) { group in
            for key in keys {
                group.addTask { [list] in
                    if cache.claim(key) == .lead {
                        cache.finish(key, with: list, remember: true)
                    }
                }
            }
        }
        #expect(keys.allSatisfy { cache.claim($0) == .cached(list) })
    }
}
