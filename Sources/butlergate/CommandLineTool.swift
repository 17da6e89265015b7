import ButlerGate

/// Parses the command line and runs one command; returns the process exit status.
enum CommandLineTool {
    static let usage = """
        usage: butlergate <command> [options]

        commands:
          serve --config FILE        run the gateway
          demo [--port N]            run the gateway on loopback with simulated Plex servers
          check-config FILE          validate a config and explain every problem (exit 1 on errors)
          doctor --config FILE       check each server: reachable? TLS ok? token accepted?
          keys new --id NAME         print a new API key once and the config entry holding its hash
          version                    print the version
          help                       print this text
        """

    static func run(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first else { return usageError("no command given") }

        var options = Options(Array(arguments.dropFirst()))
        switch command {
        case "serve":
            guard let path = options.value(for: "--config") else { return usageError("serve needs --config FILE") }
            guard options.isEmpty else { return usageError(options.leftover) }
            return await ServeCommand.run(configPath: path)
        case "demo":
            var port: Int?
            if let text = options.value(for: "--port") {
                guard let number = Int(text), (0...65535).contains(number) else {
                    return usageError("--port takes a number from 0 to 65535, got '\(text)'")
                }
                port = number
            }
            guard options.isEmpty else { return usageError(options.leftover) }
            return await DemoCommand.run(port: port)
        case "doctor":
            guard let path = options.value(for: "--config") else { return usageError("doctor needs --config FILE") }
            guard options.isEmpty else { return usageError(options.leftover) }
            return await DoctorCommand.run(configPath: path)
        case "check-config":
            guard let path = options.positional() else { return usageError("check-config needs the config FILE") }
            guard options.isEmpty else { return usageError(options.leftover) }
            return CheckConfigCommand.run(path: path)
        case "keys":
            guard options.positional() == "new" else {
                return usageError("the only keys command is 'keys new --id NAME'")
            }
            guard let id = options.value(for: "--id") else { return usageError("keys new needs --id NAME") }
            guard options.isEmpty else { return usageError(options.leftover) }
            return KeysCommand.new(id: id)
        case "version", "--version":
            Output.line("butlergate \(ButlerGateVersion.current)")
            return 0
        case "help", "--help", "-h":
            Output.line(usage)
            return 0
        default:
            return usageError("unknown command '\(command)'")
        }
    }

    /// Says what is wrong with the command line, then the usage; exit status 2.
    private static func usageError(_ problem: String) -> Int32 {
        Output.error("butlergate: \(problem)\n\n\(usage)")
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

    /// Names the arguments nobody took, for the error message.
    var leftover: String { "unexpected argument(s): \(remaining.joined(separator: " "))" }

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
