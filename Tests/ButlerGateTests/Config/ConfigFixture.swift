import ButlerGate

/// An in-memory environment and file system for `ConfigLoader`, plus a valid config to break.
struct ConfigFixture {
    static let certificatePEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    static let privateKeyPEM = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"
    /// Token values that must never show up in a problem.
    static let secrets = ["den-token-SECRET-1", "attic-token-SECRET-2", "cabin-token-SECRET-3"]
    static let hashHex = String(repeating: "ab", count: 32)

    var environment: [String: String] = ["PLEX_TOKEN_DEN": "den-token-SECRET-1", "EMPTY_VAR": ""]
    var files: [String: String] = [
        "/etc/bg/cert.pem": certificatePEM,
        "/etc/bg/key.pem": privateKeyPEM,
        "/etc/bg/ca.pem": certificatePEM,
        "/run/secrets/attic": "attic-token-SECRET-2\n",
        "/etc/bg/not-pem.txt": "hello",
    ]

    /// A loader that reads from `files` and `environment` only.
    var loader: ConfigLoader {
        let files = files
        return ConfigLoader(environment: environment) { path throws(ConfigFileError) in
            guard let text = files[path] else { throw .notFound }
            return Array(text.utf8)
        }
    }

    /// Loads a JSON text.
    func load(_ json: String) -> ConfigReport {
        loader.load(Array(json.utf8))
    }

    static let tls = #"{"certificate": "/etc/bg/cert.pem", "privateKey": "/etc/bg/key.pem"}"#

    /// A valid config using every section; `servers` and `keys` can be swapped to break one part.
    static func document(
        listen: String = #"{"host": "127.0.0.1", "port": 0, "tls": \#(tls)}"#,
        servers: [String] = [denServer, atticServer],
        keys: [String] = [homeKey],
        extra: String = ""
    ) -> String {
        """
        {"listen": \(listen),
         "servers": [\(servers.joined(separator: ",\n"))],
         "keys": [\(keys.joined(separator: ",\n"))]\(extra)}
        """
    }

    static let denServer = #"""
        {"name": "den", "url": "http://127.0.0.1:32400/", "token": {"env": "PLEX_TOKEN_DEN"}, "groups": ["home"]}
        """#
    static let atticServer = #"""
        {"name": "attic", "url": "https://attic.example:32443/plex/", "token": {"file": "/run/secrets/attic"},
         "machineIdentifier": "0123456789abcdef", "timeoutMs": 2500, "resolve": "::1", "groups": ["home", "upstairs"],
         "tls": {"caFile": "/etc/bg/ca.pem", "pinnedPublicKey": "sha256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE="}}
        """#
    static let homeKey = #"{"id": "homeassistant", "hash": "sha256:\#(hashHex)", "servers": ["home"], "tasks": ["*"]}"#

    /// A third server entry, `extra`, with members replaced, added or (with nil) removed.
    static func server(_ overrides: [String: String?]) -> String {
        entry(
            [("name", #""extra""#), ("url", #""http://127.0.0.1:32401""#), ("token", #"{"env": "PLEX_TOKEN_DEN"}"#)],
            overrides
        )
    }

    /// A second key entry, `extra`, with members replaced, added or (with nil) removed.
    static func key(_ overrides: [String: String?]) -> String {
        entry([("id", #""extra""#), ("hash", "\"sha256:\(String(repeating: "cd", count: 32))\"")], overrides)
    }

    private static func entry(_ base: [(String, String)], _ overrides: [String: String?]) -> String {
        var members = base
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            members.removeAll { $0.0 == name }
            if let value { members.append((name, value)) }
        }
        return "{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }
}

extension ConfigReport {
    /// The problems located exactly at `path`.
    func problems(at path: String) -> [ConfigProblem] {
        problems.filter { $0.path == path }
    }

    /// Whether some problem's path or message carries one of `secrets`.
    func leaks(_ secrets: [String] = ConfigFixture.secrets) -> Bool {
        problems.contains { problem in secrets.contains { problem.message.contains($0) || problem.path.contains($0) } }
    }
}
