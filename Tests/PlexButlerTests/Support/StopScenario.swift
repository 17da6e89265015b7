import Testing

@testable import PlexButler

/// One scripted Plex answer to `DELETE /butler/{task}` and what the stop result must say for it.
struct StopScenario: Sendable, CustomTestStringConvertible {
    let name: String
    let reply: ScriptedReply
    let outcome: StopOutcome
    let status: Int?
    let error: String?

    var testDescription: String { name }
}
