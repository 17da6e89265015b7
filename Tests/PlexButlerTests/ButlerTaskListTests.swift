import Testing

@testable import PlexButler

/// One `GET /butler` body and what must be read from it.
struct TaskListSample: Sendable, CustomTestStringConvertible {
    let name: String
    let body: String
    /// The names that must be found; nil when the body must not count as a list at all.
    let listed: [String]?
    let absent: [String]

    var testDescription: String { name }
}

/// Reading a server's task list leniently, from JSON or from XML when `Accept` was ignored.
struct ButlerTaskListTests {
    static let samples: [TaskListSample] = [
        TaskListSample(
            name: "Plex JSON",
            body: #"{"ButlerTasks":{"ButlerTask":[{"name":"BackupDatabase","interval":3,"enabled":true},"#
                + #"{"name":"AutomaticUpdates","title":"Updates"}]}}"#,
            listed: ["BackupDatabase", "AutomaticUpdates", "backupdatabase"],
            absent: ["CheckForUpdates"]
        ),
        TaskListSample(
            name: "JSON inside a MediaContainer",
            body: #"{"MediaContainer":{"ButlerTasks":{"ButlerTask":[{"name":"OptimizeDatabase"}]}}}"#,
            listed: ["OptimizeDatabase"],
            absent: ["BackupDatabase"]
        ),
        TaskListSample(
            name: "JSON with a single task as an object",
            body: #" {"ButlerTasks":{"ButlerTask":{"name":"CleanOldBundles"}}}"#,
            listed: ["CleanOldBundles"],
            absent: ["BackupDatabase"]
        ),
        TaskListSample(
            name: "JSON entries without names are skipped",
            body: #"{"ButlerTasks":{"ButlerTask":[{"title":"x"},{"name":7},{"name":"RefreshLibraries"}]}}"#,
            listed: ["RefreshLibraries"],
            absent: ["7"]
        ),
        TaskListSample(
            name: "Plex XML",
            body: """
                <?xml version="1.0" encoding="UTF-8"?>
                <MediaContainer><ButlerTasks>
                <ButlerTask name="BackupDatabase" interval="3" title="Back up"/>
                <ButlerTask\tinterval='7' name='GenerateAutoTags' />
                <ButlerTask title="no name here" />
                </ButlerTasks></MediaContainer>
                """,
            listed: ["BackupDatabase", "GenerateAutoTags"],
            absent: ["AutomaticUpdates", "no name here"]
        ),
        TaskListSample(
            name: "XML attribute ending in name is not the name",
            body: #"<ButlerTasks><ButlerTask filename="Evil" name="LoudnessAnalysis"/></ButlerTasks>"#,
            listed: ["LoudnessAnalysis"],
            absent: ["Evil"]
        ),
        TaskListSample(name: "empty JSON list", body: #"{"ButlerTasks":{"ButlerTask":[]}}"#, listed: nil, absent: []),
        TaskListSample(name: "JSON of another shape", body: #"{"errors":[{"code":1}]}"#, listed: nil, absent: []),
        TaskListSample(
            name: "broken JSON",
            body: #"{"ButlerTasks":{"ButlerTask":[{"name":"Back"#,
            listed: nil,
            absent: []
        ),
        TaskListSample(name: "XML without tasks", body: "<MediaContainer size=\"0\"/>", listed: nil, absent: []),
        TaskListSample(name: "HTML error page", body: "<html><body>oops</body></html>", listed: nil, absent: []),
        TaskListSample(name: "plain text", body: "Not Found", listed: nil, absent: []),
        TaskListSample(name: "empty body", body: "", listed: nil, absent: []),
    ]

    @Test(arguments: samples)
    func readsTaskNamesOrRefusesTheBody(_ sample: TaskListSample) throws {
        let list = ButlerTaskList(body: Array(sample.body.utf8))
        guard let listed = sample.listed else {
            #expect(list == nil)
            return
        }
        let read = try #require(list)
        for name in listed {
            #expect(read.contains(name), "missing \(name)")
        }
        for name in sample.absent {
            #expect(!read.contains(name), "unexpected \(name)")
        }
    }

    @Test func noNamesIsNoList() {
        #expect(ButlerTaskList(names: []) == nil)
        #expect(ButlerTaskList(names: ["BackupDatabase"])?.contains("BACKUPDATABASE") == true)
    }
}
