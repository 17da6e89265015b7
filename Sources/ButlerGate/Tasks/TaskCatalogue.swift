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
    private let index: [String: String]

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
        var index: [String: String] = [:]
        for name in names {
            let generation = legacy.contains(name) ? (current.contains(name) ? "both" : "legacy") : "current"
            let aliases = [Self.separated(name, by: "-"), Self.separated(name, by: "_")]
            entries.append(Entry(name: name, aliases: aliases, generation: generation))
            index[Self.key(name)] = name
        }
        self.entries = entries
        self.index = index
    }

    /// The canonical name for any accepted spelling, or nil for a name that is not in the catalogue.
    public func canonicalName(for spelling: String) -> String? {
        guard !spelling.isEmpty, spelling.utf8.count <= 64 else { return nil }
        return index[Self.key(spelling)]
    }

    /// Every canonical name, sorted.
    public var names: [String] { entries.map(\.name) }

    /// Case-folded with separators dropped, so `backup-database`, `BACKUP_DATABASE` and `BackupDatabase` meet.
    static func key(_ spelling: String) -> String {
        String(spelling.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" })
    }

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
