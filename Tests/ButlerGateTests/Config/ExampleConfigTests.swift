import ButlerGate
import Foundation
import Testing

struct ExampleConfigTests {
    /// `Deploy/butlergate.example.json`, found from this file's place in the repository.
    static let examplePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Deploy/butlergate.example.json").path

    /// What the example expects the user to create: its PEM files and its token variables.
    static var userSetup: ConfigFixture {
        var fixture = ConfigFixture()
        fixture.files = [
            "/etc/butlergate/tls/cert.pem": ConfigFixture.certificatePEM,
            "/etc/butlergate/tls/key.pem": ConfigFixture.privateKeyPEM,
            "/etc/butlergate/cabin-ca.pem": ConfigFixture.certificatePEM,
        ]
        fixture.environment = ["PLEX_TOKEN_DEN": "t-den", "PLEX_TOKEN_ATTIC": "t-attic", "PLEX_TOKEN_CABIN": "t-cabin"]
        return fixture
    }

    @Test func exampleLoadsWithoutProblemsOnceItsFilesAndVariablesExist() throws {
        let bytes = try ConfigLoader.readFromDisk(Self.examplePath)
        let report = Self.userSetup.loader.load(bytes)
        #expect(report.problems.isEmpty, "\(report.problems)")
        let config = try #require(report.config)
        #expect(config.servers.map(\.name) == ["den", "attic", "cabin"])
        #expect(config.servers.map(\.token) == ["t-den", "t-attic", "t-cabin"])
        #expect(config.servers[2].resolve == "10.8.0.20")
        #expect(config.servers[2].tls.caFile == "/etc/butlergate/cabin-ca.pem")
        #expect(config.keys.map(\.id) == ["homeassistant", "tautulli"])
    }

    @Test func exampleNamesEveryMissingPieceWhenNothingIsSetUp() throws {
        let bytes = try ConfigLoader.readFromDisk(Self.examplePath)
        let bare = ConfigLoader(environment: [:]) { _ throws(ConfigFileError) in throw .notFound }
        let report = bare.load(bytes)
        #expect(report.config == nil)
        let paths = Set(report.errors.map(\.path))
        #expect(
            paths == [
                "listen.tls.certificate", "listen.tls.privateKey", "servers[0].token.env", "servers[1].token.env",
                "servers[2].token.env", "servers[2].tls.caFile",
            ]
        )
    }
}
