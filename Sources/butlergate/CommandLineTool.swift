import ButlerGate

/// Parses the command line and runs one command; returns the process exit status.
enum CommandLineTool {
    static let usage = """
        usage: butlergate <command> [options]

        commands:
          serve --config FILE        run the gateway
          demo [--port N]            run the gateway on loopback with simulated Plex servers
          check-config FILE          validate a config and explain every problem (exit 1 on errors)
          keys new --id NAME         print a new API key once and the config entry holding its hash
          version                    print the version
          help                       print this text
        """

    static func run(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first else {
            Output.error(usage)
            return 2
        }

        var options = Options(Array(arguments.dropFirst()))
        switch command {
        case "serve":
            guard let path = options.value(for: "--config"), options.isEmpty else { return usageError() }
            return await ServeCommand.run(configPath: path)
        case "demo":
            let port = options.value(for: "--port").flatMap { Int($0) } ?? 8443
            guard options.isEmpty, (0...65535).contains(port) else { return usageError() }
            return await DemoCommand.run(port: port)
        case "check-config":
            guard let path = options.positional(), options.isEmpty else { return usageError() }
            return CheckConfigCommand.run(path: path)
        case "keys":
            guard options.positional() == "new", let id = options.value(for: "--id"), options.isEmpty else {
                return usageError()
            }
            return KeysCommand.new(id: id)
        case "version", "--version":
            Output.line("butlergate \(ButlerGateVersion.current)")
            return 0
        case "help", "--help", "-h":
            Output.line(usage)
            return 0
        default:
            Output.error("butlergate: unknown command '\(command)'")
            return usageError()
        }
    }

    private static func usageError() -> Int32 {
        Output.error(usage)
        return 2
    }
}

/// The arguments after the command: `--name value` pairs and positionals, consumed as they are read.
struct Options {
    private var remaining: [String]

    init(_ arguments: [String]) {
        remaining = arguments
    }

    var isEmpty: Bool { remaining.isEmpty }

    /// Takes `--name value` (or `--name=value`) out of the arguments.
    mutating func value(for name: String) -> String? {
        if let index = remaining.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            return String(remaining.remove(at: index).dropFirst(name.count + 1))
        }
        guard let index = remaining.firstIndex(of: name), index + 1 < remaining.count else { return nil }
        let value = remaining[index + 1]
        remaining.removeSubrange(index...index + 1)
        return value
    }

    /// Takes the first argument that is not an option.
    mutating func positional() -> String? {
        guard let index = remaining.firstIndex(where: { !$0.hasPrefix("--") }) else { return nil }
        return remaining.remove(at: index)
    }
}
