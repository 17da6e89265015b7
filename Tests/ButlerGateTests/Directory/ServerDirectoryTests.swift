import Testing

@testable import ButlerGate

struct ServerDirectoryTests {
    static let directory = ServerDirectory(servers: [
        ServerConfig(name: "kitchen", url: "http://kitchen.test:32400", token: "t1", groups: ["kids"]),
        ServerConfig(name: "attic", url: "http://attic.test:32400", token: "t2", groups: ["kids"]),
    ])

    @Test(arguments: [("KITCHEN", [0]), ("Kitchen", [0]), ("kids", [0, 1]), ("KIDS", [0, 1])] as [(String, [Int])])
    func namesMatchInAnyASCIICase(name: String, members: [Int]) {
        #expect(Self.directory.expand(name) == members)
    }

    /// `lowercased()` maps the Kelvin sign to `k`, and `String` equality treats it as `K`; neither may apply.
    @Test(arguments: [
        "\u{212A}itchen", "\u{212A}ids", "\u{212A}IDS", "kitche\u{0578}", "\u{FF4B}itchen", "kitchen\u{0}",
    ])
    func nonASCIISpellingsMatchNothing(name: String) {
        #expect(Self.directory.expand(name) == nil)
    }

    @Test func keyScopeNamesUseASCIIFoldingToo() {
        let config = KeyConfig(
            id: "k",
            hash: [],
            servers: ["\u{212A}itchen", "ATTIC"],
            tasks: ["Bac\u{212A}upDatabase"]
        )
        let key = APIKey(config: config, directory: Self.directory, catalogue: .standard)
        #expect(key.servers == [1])
        #expect(key.tasks?.isEmpty == true)
    }
}
