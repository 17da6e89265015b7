import Testing
@testable import PlexButler

/// The per-server memory of `GET /butler` answers.
struct ButlerTaskListCacheTests {
    private let list = ButlerTaskList(names: ["BackupDatabase"])

    @Test func entriesLiveForTheirLifetimeOnly() throws {
        let cache = ButlerTaskListCache(listLifetime: .seconds(300), missingLifetime: .seconds(30))
        let key = ButlerTaskListCache.Key(Fixtures.server("http://127.0.0.1:1"))
        let other = ButlerTaskListCache.Key(Fixtures.server("http://127.0.0.1:2"))
        let start = ContinuousClock.now

        cache.store(list, for: key, now: start)
        cache.store(nil, for: other, now: start)

        #expect(cache.entry(for: key, now: start.advanced(by: .seconds(299)))?.list == list)
        #expect(cache.entry(for: key, now: start.advanced(by: .seconds(301))) == nil)
        let missing = try #require(cache.entry(for: other, now: start.advanced(by: .seconds(29))))
        #expect(missing.list == nil)
        #expect(cache.entry(for: other, now: start.advanced(by: .seconds(31))) == nil)
    }

    @Test func keyTellsTokensApartWithoutHoldingThem() {
        var rotated = Fixtures.server("http://127.0.0.1:1")
        rotated.token = "tok-OTHER-000000000000"
        let key = ButlerTaskListCache.Key(Fixtures.server("http://127.0.0.1:1"))

        #expect(key == ButlerTaskListCache.Key(Fixtures.server("http://127.0.0.1:1")))
        #expect(key != ButlerTaskListCache.Key(rotated))
        #expect(!String(describing: key).contains(Fixtures.token))
        #expect(!String(reflecting: key).contains(Fixtures.token))
    }

    @Test func concurrentUseKeepsEveryServer() async {
        let cache = ButlerTaskListCache(listLifetime: .seconds(300), missingLifetime: .seconds(30))
        let keys = (0..<64).map { ButlerTaskListCache.Key(Fixtures.server("http://127.0.0.1:\($0 + 1)")) }
        await withTaskGroup(of: Void.self) { group in
            for key in keys {
                group.addTask { [list] in
                    cache.store(list, for: key)
                    _ = cache.entry(for: key)
                }
            }
        }
        #expect(keys.allSatisfy { cache.entry(for: $0)?.list == list })
    }
}
