import ButlerGate
import Foundation
import Testing

struct ConfigDiskReadingTests {
    /// A fresh directory under /tmp, removed by the caller.
    private func makeDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bg-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func configAndItsFilesAreReadFromDisk() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let token = directory.appendingPathComponent("token").path
        try ConfigFixture.certificatePEM.write(toFile: cert, atomically: true, encoding: .utf8)
        try ConfigFixture.privateKeyPEM.write(toFile: key, atomically: true, encoding: .utf8)
        try "disk-token-SECRET\n".write(toFile: token, atomically: true, encoding: .utf8)
        let json = ConfigFixture.document(
            listen: #"{"tls": {"certificate": "\#(cert)", "privateKey": "\#(key)"}}"#,
            servers: [#"{"name": "den", "url": "http://127.0.0.1:32400", "token": {"file": "\#(token)"}}"#],
            keys: []
        )
        let path = directory.appendingPathComponent("config.json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let report = ConfigLoader(environment: [:]).load(contentsOf: path)
        let config = try #require(report.config, "\(report.problems)")
        #expect(config.servers[0].token == "disk-token-SECRET")
    }

    @Test func directoriesAndMissingFilesAreNamedErrors() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ConfigFileError.isDirectory) { try ConfigLoader.readFromDisk(directory.path) }
        let missing = directory.appendingPathComponent("missing.json").path
        #expect(throws: ConfigFileError.notFound) { try ConfigLoader.readFromDisk(missing) }
        let big = directory.appendingPathComponent("big").path
        try String(repeating: "x", count: 2048).write(toFile: big, atomically: true, encoding: .utf8)
        #expect(throws: ConfigFileError.tooLarge(limit: 1024)) { try ConfigLoader.readFromDisk(big, limit: 1024) }
    }
}
