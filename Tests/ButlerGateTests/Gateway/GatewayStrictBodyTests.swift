import Testing

@testable import ButlerGate

/// Bodies a lenient parser would accept are refused before any upstream call, so a validator in front of the
/// gateway can never see a different request than the one executed.
struct GatewayStrictBodyTests {
    @Test(arguments: [
        ("/v1/stop", #"{"task":"NoSuch","task":"BackupDatabase"}"#, "duplicate key"),
        ("/v1/stop", #"{"task":"BackupDatabase","t\u0061sk":"NoSuch"}"#, "duplicate key"),
        ("/v1/stop", #"{"task":"BackupDatabase",}"#, "trailing comma"),
        ("/v1/tasks/BackupDatabase/stop", #"{"servers":["den",]}"#, "trailing comma"),
        ("/v1/tasks/BackupDatabase/stop", #"{"servers":["den"],"servers":["attic"]}"#, "duplicate key"),
        ("/v1/stop", #"{"task":"BackupDatabase"} // all"#, "unexpected content after the value"),
        ("/v1/stop", #"{'task':'BackupDatabase'}"#, "expected a member name in double quotes"),
        ("/v1/tasks/BackupDatabase/stop", #"{"servers":["\ud800"]}"#, "unpaired surrogate escape"),
    ])
    func laxBodyIsInvalidWithAFixedDetailAndNoUpstreamCall(target: String, body: String, reason: String) async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", target, body: body)
        #expect(response.status == 400)
        #expect(response.problemCode == "invalid_body")
        #expect(response.json["detail"] as? String == "The body is not valid JSON: \(reason).")
        #expect(!response.text.contains("NoSuch") && !response.text.contains("attic"))
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }

    @Test func escapedTaskNameReachesTheUpstreamUnescaped() async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/stop", body: #" { "task" : "Backup\u0044atabase" } "#)
        #expect(response.status == 200)
        #expect(harness.transport.requests.map(\.url).contains("http://den.test:32400/butler/BackupDatabase"))
        harness.expectNoSecrets()
    }

    @Test func unknownFieldIsNamedOnlyWhenItCannotBeAKey() async {
        let harness = GatewayHarness()
        let keyShaped = harness.keys["admin"]!
        let plain = await harness.send("POST", "/v1/stop", body: #"{"task":"BackupDatabase","sever":["den"]}"#)
        let secret = await harness.send("POST", "/v1/stop", body: "{\"task\":\"BackupDatabase\",\"\(keyShaped)\":1}")
        #expect(plain.json["detail"] as? String == "Unknown field 'sever'.")
        #expect(secret.status == 400)
        #expect(secret.json["detail"] as? String == "Unknown field.")
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }
}
