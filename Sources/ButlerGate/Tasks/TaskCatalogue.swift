/// The Butler task names both Plex API generations accept, and the spellings callers may use.
public struct TaskCatalogue: Sendable {
    /// One task as listed by `GET /v1/tasks`.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        /// `legacy` (the 14-name enum only), `current` (newer servers only) or `both`.
        public var generation: String
    }

    public let entries: [Entry]
    /// Every accepted spelling (name, kebab alias, snake alias), ASCII-folded, to its canonical name.
    private let index: [FoldedName: String]

    /// The catalogue of both generations.
    public static let standard = TaskCatalogue(legacy: legacyNames, current: currentNames)

    /// The stop-task enum of the original API description.
    public static let legacyNames = [
        "BackupDatabase", "BuildGracenoteCollections", "CheckForUpdates", "CleanOldBundles",
        "CleanOldCacheFiles", "DeepMediaAnalysis", "GenerateAutoTags", "GenerateChapterThumbs",
        "GenerateMediaIndexFiles", "OptimizeDatabase", "RefreshLibraries", "RefreshLocalMedia",
        "RefreshPeriodicMetadata", "UpgradeMediaAnalysis",
    ]

    /// The list of newer servers (22 names).
    public static let currentNames = [
        "AutomaticUpdates", "BackupDatabase", "ButlerTaskGenerateAdMarkers", "ButlerTaskGenerateCreditsMarkers",
        "ButlerTaskGenerateIntroMarkers", "ButlerTaskGenerateVoiceActivity", "CleanOldBundles",
        "CleanOldCacheFiles", "DeepMediaAnalysis", "GarbageCollectBlobs", "GarbageCollectLibraryMedia",
        "GenerateBlurHashes", "GenerateChapterThumbs", "GenerateMediaIndexFiles", "LoudnessAnalysis",
        "MusicAnalysis", "OptimizeDatabase", "RefreshEpgGuides", "RefreshLibraries", "RefreshLocalMedia",
        "RefreshPeriodicMetadata", "UpgradeMediaAnalysis",
    ]

    init(legacy: [String], current: [String]) {
        let names = Array(Set(legacy + current)).sorted()
        var entries: [Entry] = []
        var index: [FoldedName: String] = [:]
        for name in names {
            let generation = legacy.contains(name) ? (current.contains(name) ? "both" : "legacy") : "current"
            let aliases = [Self.separated(name, by: "-"), Self.separated(name, by: "_")]
            entries.append(Entry(name: name, aliases: aliases, generation: generation))
            for spelling in [name] + aliases {
                if let key = FoldedName(spelling) {
                    index[key] = name
                }
            }
        }
        self.entries = entries
        self.index = index
    }

    /// The canonical name for the name or one of its two aliases in any ASCII case; nil for anything else.
    ///
    /// Separators are not ignored: only the listed spellings match, so `b_a_c_k_u_p_d_a_t_a_b_a_s_e` does not.
    public func canonicalName(for spelling: String) -> String? {
        guard let key = FoldedName(spelling) else { return nil }
        return index[key]
    }

    /// Every canonical name, sorted.
    public var names: [String] { entries.map(\.name) }

    /// `BackupDatabase` → `backup-database`; an upper-case run stays one word (`EpgGuides` → `epg-guides`).
    static func separated(_ name: String, by separator: Character) -> String {
        var result = ""
        var previousWasLower = false
        for character in name {
            if character.isUppercase, previousWasLower {
                result.append(separator)
            }
            result.append(Character(character.lowercased()))
            previousWasLower = character.isLowercase || character.isNumber
        }
        return result
    }
}
