import Foundation
import GateHTTP
import GateTestSupport
import MockPlex
import Testing

/// The `butlergate` executable as a user runs it.
@Suite(.serialized)
struct CommandLineEndToEndTests {
    @Test func demoPrintsCurlCommandsThatWorkAsPrinted() async throws {
        let run = try await runBlocking { try DemoRun.perform() }

        let key = try #require(run.stdout.firstMatch(of: /API key: (bgk_[A-Za-z0-9_-]+)/)?.output.1)
        #expect(run.stdout.contains("URL: https://127.0.0.1:"))
        #expect(run.statuses == [200, 200, 200, 200, 200, 400], "statuses: \(run.statuses)")
        #expect(run.exitedCleanly, "SIGINT must drain and exit 0")
        #expect(!run.stderr.contains(String(key)), "the demo key was logged")
        #expect(run.stderr.contains("listening"))
    }

    @Test func keysNewPrintsTheKeyOnItsOwnLineAndAMatchingHash() async throws {
        let result = try await runBlocking { try Executable.run(["keys", "new", "--id", "homeassistant"]) }

        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        let key = try #require(lines.first)
        #expect(key.hasPrefix("bgk_") && key.count >= 40)
        let entry = try #require(lines.last)
        let hash = try await runBlocking { try Executable.shell("printf %s '\(key)' | sha256sum | cut -d' ' -f1") }
        #expect(entry.contains(#""id": "homeassistant""#))
        #expect(entry.contains("sha256:" + hash))
    }

    @Test func checkConfigExplainsProblemsAndExitsOne() async throws {
        let path = NSTemporaryDirectory() + "bg-bad-\(UUID().uuidString).json"
        let bad =
            #"{"listen":{"port":8443,"insecurePlaintext":true},"servers":[{"name":"den","url":"ftp://x","tokne":"a"}]}"#
        try bad.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let result = try await runBlocking { try Executable.run(["check-config", path]) }

        #expect(result.status == 1)
        #expect(result.output.contains("servers[0].tokne"))
        #expect(result.output.contains("servers[0].url"))
    }

    /// `serve` refuses these pairs at start, so `check-config` must refuse them too; `nil` expects a pass.
    @Test(
        arguments: [
            ("matching", nil), ("mismatched", "tls.key_mismatch"), ("unparseable", "tls.certificate_invalid"),
        ] as [(String, String?)]
    )
    func checkConfigBuildsTheTLSContextAsServeDoes(pair: String, code: String?) async throws {
        let first = try SelfSignedCertificate.generate()
        let second = try SelfSignedCertificate.generate()
        let certificate =
            switch pair {
            case "unparseable": "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"
            default: first.certificatePEM
            }
        let directory = NSTemporaryDirectory() + "bg-tls-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try certificate.write(toFile: directory + "cert.pem", atomically: true, encoding: .utf8)
        let key = pair == "mismatched" ? second.privateKeyPEM : first.privateKeyPEM
        try key.write(toFile: directory + "key.pem", atomically: true, encoding: .utf8)
        let config = """
            {"listen": {"host": "127.0.0.1", "port": 0,
                        "tls": {"certificate": "\(directory)cert.pem", "privateKey": "\(directory)key.pem"}},
             "servers": [{"name": "den", "url": "http://127.0.0.1:32400", "token": "checkToken-den-1234"}],
             "keys": []}
            """
        try config.write(toFile: directory + "config.json", atomically: true, encoding: .utf8)

        let result = try await runBlocking { try Executable.run(["check-config", directory + "config.json"]) }

        #expect(result.status == (code == nil ? 0 : 1), "output: \(result.output)")
        if let code {
            #expect(result.output.contains("error: listen.tls: \(code): "))
        } else {
            #expect(result.output.contains(": OK ("))
        }
        #expect(!result.output.contains("PRIVATE KEY") && !result.output.contains("checkToken"))
    }

    @Test func doctorChecksReachabilityAndTokenOfEachServer() async throws {
        let good = try MockPlex(name: "den", token: "doctorToken-den-1234", knownTasks: ["BackupDatabase"])
        let stale = try MockPlex(name: "attic", token: "doctorToken-attic-5678", knownTasks: ["BackupDatabase"])
        try good.start()
        try stale.start()
        let closed = try StopEndToEndTests.closedPort()
        let config = """
            {"listen": {"host": "127.0.0.1", "port": 0, "insecurePlaintext": true},
             "servers": [
               {"name": "den", "url": "\(good.url)", "token": "doctorToken-den-1234",
                "machineIdentifier": "\(good.machineIdentifier)"},
               {"name": "attic", "url": "\(stale.url)", "token": "doctorToken-attic-wrong"},
               {"name": "cabin", "url": "http://127.0.0.1:\(closed)", "token": "doctorToken-cabin-0000"}],
             "keys": []}
            """
        let path = NSTemporaryDirectory() + "bg-doctor-\(UUID().uuidString).json"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let result = try await runBlocking { try Executable.run(["doctor", "--config", path]) }

        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(result.status == 1)
        #expect(lines.first { $0.contains(" den ") }?.hasPrefix("ok") == true)
        #expect(lines.first { $0.contains(" den ") }?.contains("token accepted (1 Butler tasks)") == true)
        #expect(lines.first { $0.contains(" attic ") }?.contains("token refused (HTTP 401)") == true)
        #expect(lines.first { $0.contains(" cabin ") }?.contains("not reachable: connection refused") == true)
        #expect(!result.output.contains("doctorToken") && !result.error.contains("doctorToken"))
        #expect(await good.requests().allSatisfy { $0.method == "GET" })
        #expect(await stale.requests().allSatisfy { $0.method == "GET" })
        await good.shutdown()
        await stale.shutdown()
    }

    @Test func versionAndUnknownCommand() async throws {
        let version = try await runBlocking { try Executable.run(["version"]) }
        let unknown = try await runBlocking { try Executable.run(["frobnicate"]) }

        #expect(version.status == 0)
        #expect(version.output.hasPrefix("butlergate "))
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("usage:"))
    }
}

extension Executable {
    /// Runs a command line with /bin/sh, exactly as a user would paste it; returns trimmed stdout.
    static func shell(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let reader = Reader(output.fileHandleForReading)
        wait(for: process, timeout: .seconds(15))
        return reader.untilClosed().trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// One run of `butlergate demo`: start it, run every curl command it prints, stop it with SIGINT.
struct DemoRun: Sendable {
    var stdout: String
    var stderr: String
    var statuses: [Int]
    var exitedCleanly: Bool

    /// Blocking: call through `runBlocking`.
    static func perform() throws -> DemoRun {
        let process = Process()
        process.executableURL = Executable.url
        process.arguments = ["demo", "--port", "0"]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let stdout = Reader(output.fileHandleForReading)
        let stderr = Reader(error.fileHandleForReading)
        defer { if process.isRunning { process.terminate() } }

        let text = stdout.wait(timeout: .seconds(20)) { $0.contains("Press Ctrl-C") }
        let commands = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("curl ") }
        let statuses = try commands.map { command in
            Int(try Executable.shell(command + " -s -o /dev/null -w '%{http_code}'")) ?? -1
        }
        kill(process.processIdentifier, SIGINT)
        Executable.wait(for: process, timeout: .seconds(10))
        let clean = process.terminationReason == .exit && process.terminationStatus == 0
        return DemoRun(stdout: text, stderr: stderr.text(), statuses: statuses, exitedCleanly: clean)
    }
}
