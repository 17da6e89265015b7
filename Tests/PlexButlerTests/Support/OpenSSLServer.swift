import Foundation

/// `openssl s_server -www` on loopback with a fresh self-signed certificate, for real TLS handshakes.
///
/// `@unchecked Sendable`: every stored property is set in `init` and never changed; `Process` is only
/// terminated through `stop()`.
final class OpenSSLServer: @unchecked Sendable {
    /// The certificate or the server could not be set up.
    struct StartFailure: Error {}

    /// The certificate's DNS name, in the `*.plex.direct` shape; it resolves only through an override.
    static let hostName = "10-0-0-1.0123abcd.plex.direct"

    /// The loopback port `s_server` listens on.
    let port: UInt16
    /// The certificate, usable as a CA file since it is self-signed.
    let certificatePath: String
    /// `sha256//<base64>` of the certificate's public key.
    let pin: String
    private let directory: String
    private let process: Process

    /// The certificate's usual subjectAltName: the host name and the loopback address it is reached by.
    static let bothNames = "DNS:\(hostName),IP:127.0.0.1"

    /// Makes a certificate for `names` (a subjectAltName value) and starts `s_server`, waiting until it
    /// accepts connections.
    init(names: String = bothNames) throws {
        directory = "/tmp/plexbutler-tls-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        certificatePath = directory + "/cert.pem"
        let digest = try Self.shell(
            """
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 \
              -keyout key.pem -out cert.pem -subj /CN=\(Self.hostName) \
              -addext subjectAltName=\(names) 2>/dev/null &&
            openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin -outform der |
              openssl dgst -sha256 -binary | base64
            """,
            in: directory
        )
        pin = "sha256//" + digest.trimmingCharacters(in: .whitespacesAndNewlines)
        port = try ScriptedServer.unusedPort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.arguments = [
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", "cert.pem", "-key", "key.pem", "-www",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard ScriptedServer.waitUntilListening(port: port, within: .seconds(3)) else {
            stop()
            throw StartFailure()
        }
    }

    /// Starts a server from a thread of its own: making keys, spawning and waiting all block, and a test that
    /// blocks one of the concurrency pool's two threads starves every other test running beside it.
    static func start(names: String = bothNames) async throws -> OpenSSLServer {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try OpenSSLServer(names: names) }) }.start()
        }
    }

    /// Ends the server process and removes its files.
    func stop() {
        // The child inherits the test runner's blocked signal mask, so SIGTERM would wait forever.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func shell(_ script: String, in directory: String) throws -> String {
        let shell = Process()
        let output = Pipe()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script]
        shell.currentDirectoryURL = URL(fileURLWithPath: directory)
        shell.standardOutput = output
        try shell.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        guard shell.terminationStatus == 0 else {
            throw StartFailure()
        }
        return String(decoding: data, as: UTF8.self)
    }
}
