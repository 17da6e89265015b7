import Testing

@testable import ButlerGate

/// Task, server and group names match in ASCII case only, in exactly the listed spellings.
struct GatewayNameMatchingTests {
    @Test(arguments: [
        "Bac%E2%84%AAupDatabase", "b_a_c_k_u_p_d_a_t_a_b_a_s_e", "---backupdatabase___", "backup-data_base",
        "BACKUP--DATABASE", "%EF%BD%82ackupDatabase", "Backup%20Database",
    ])
    func spellingsOutsideTheListAreUnknownTasks(spelling: String) async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/servers/den/tasks/\(spelling)/stop")
        #expect(response.status == 400)
        #expect(response.problemCode == "unknown_task")
        #expect(harness.transport.requests.isEmpty)
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }

    @Test func kelvinSignInABodyTaskIsUnknown() async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/stop", body: "{\"task\":\"Bac\u{212A}upDatabase\"}")
        #expect(response.problemCode == "unknown_task")
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }

    @Test(arguments: [("HoMe", 200, "ok"), ("h%C3%B6me", 404, "unknown_server"), ("DEN", 200, "ok")])
    func serverAndGroupNamesFoldOnlyASCII(name: String, status: Int, code: String) async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/servers/\(name)/tasks/BACKUP_DATABASE/stop")
        #expect(response.status == status)
        #expect((response.problemCode ?? "ok") == code)
        harness.expectNoSecrets()
    }
}
