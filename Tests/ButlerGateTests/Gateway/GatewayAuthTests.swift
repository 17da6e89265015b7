import GateHTTP
import Testing

@testable import ButlerGate

struct GatewayAuthTests {
    @Test(arguments: [nil, "bgk_not-a-configured-key", "disabled"])
    func missingWrongOrDisabledKeyIs401WithBearerChallenge(key: String?) async {
        let harness = GatewayHarness()
        let response = await harness.send("POST", "/v1/tasks/BackupDatabase/stop", key: key)
        #expect(response.status == 401)
        #expect(response.problemCode == "invalid_api_key")
        #expect(response.headers["WWW-Authenticate"] == "Bearer")
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }

    @Test func xAPIKeyHeaderIsAccepted() async {
        let harness = GatewayHarness()
        let response = await harness.send(
            "GET",
            "/v1/tasks",
            key: nil,
            headers: [("X-API-Key", harness.keys["admin"]!)]
        )
        #expect(response.status == 200)
        #expect(harness.accessLines.last?.metadata["key.id"] == "admin")
        harness.expectNoSecrets()
    }

    @Test func bearerSchemeIsCaseInsensitive() async {
        let harness = GatewayHarness()
        let response = await harness.send(
            "GET",
            "/v1/tasks",
            key: nil,
            headers: [("Authorization", "bearer  \(harness.keys["admin"]!)")]
        )
        #expect(response.status == 200)
        harness.expectNoSecrets()
    }

    @Test func wrongKeyOnUnknownRouteIs401NotRouteError() async {
        let harness = GatewayHarness()
        let response = await harness.send("PATCH", "/nowhere/at/all", key: "bgk_wrong")
        #expect(response.status == 401)
        #expect(response.problemCode == "invalid_api_key")
        harness.expectNoSecrets()
    }

    @Test func repeatedWrongKeysFromOneAddressAreRateLimited() async throws {
        let harness = GatewayHarness(limits: LimitsConfig(authFailuresPerMinute: 3))
        for _ in 0..<3 {
            let response = await harness.send("GET", "/v1/tasks", key: "bgk_guess", from: "10.0.0.9")
            #expect(response.status == 401)
        }
        let limited = await harness.send("GET", "/v1/tasks", key: "bgk_guess", from: "10.0.0.9")
        #expect(limited.status == 429)
        #expect(limited.problemCode == "rate_limited")
        let retryAfter = try #require(limited.headers["Retry-After"].flatMap(Int.init))
        #expect((1...60).contains(retryAfter))
        let evenValid = await harness.send("GET", "/v1/tasks", from: "10.0.0.9")
        #expect(evenValid.status == 429)
        let otherAddress = await harness.send("GET", "/v1/tasks", from: "10.0.0.10")
        #expect(otherAddress.status == 200)
        harness.expectNoSecrets()
    }

    @Test func keyWithoutAPIScopeIsForbidden() async {
        let harness = GatewayHarness()
        let listing = await harness.send("GET", "/v1/servers", key: "no-api")
        let stop = await harness.send("POST", "/v1/tasks/BackupDatabase/stop", key: "no-api")
        #expect(listing.status == 403)
        #expect(stop.status == 403)
        #expect(stop.problemCode == "forbidden")
        #expect(harness.transport.requests.isEmpty)
        harness.expectNoSecrets()
    }

    @Test func publicProbesNeedNoKey() async {
        let harness = GatewayHarness()
        let health = await harness.send("GET", "/healthz", key: nil)
        let notReady = await harness.send("GET", "/readyz", key: nil)
        harness.gateway.markReady()
        let ready = await harness.send("GET", "/readyz", key: nil)
        #expect(health.status == 200)
        #expect(notReady.status == 503)
        #expect(notReady.problemCode == "not_ready")
        #expect(ready.status == 200)
        harness.expectNoSecrets()
    }

    /// Uptime monitors probe with HEAD: the same status as GET, whose body the HTTP writer then drops.
    @Test(arguments: ["/healthz", "/readyz"])
    func publicProbesAnswerHeadAsGet(path: String) async {
        let harness = GatewayHarness()
        let notReady = await harness.send("HEAD", path, key: nil)
        harness.gateway.markReady()
        let ready = await harness.send("HEAD", path, key: nil)
        #expect(notReady.status == (path == "/healthz" ? 200 : 503))
        #expect(ready.status == 200)
        harness.expectOneAccessLinePerResponse()
        harness.expectNoSecrets()
    }
}

extension GatewayAuthTests {
    @Test func missingKeysAreNotCountedAsGuesses() async {
        let harness = GatewayHarness(limits: LimitsConfig(authFailuresPerMinute: 1))
        for _ in 0..<3 {
            let response = await harness.send("GET", "/v1/tasks", key: nil)
            #expect(response.status == 401)
        }
        let valid = await harness.send("GET", "/v1/tasks")
        #expect(valid.status == 200)
        harness.expectNoSecrets()
    }

    @Test func derivedClientIdentifierIsStable() {
        let first = GatewaySnapshot.derivedClientIdentifier()
        #expect(first == GatewaySnapshot.derivedClientIdentifier())
        #expect(first.hasPrefix("butlergate-") && first.count == "butlergate-".count + 32)
    }
}
