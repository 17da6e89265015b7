import ButlerGate
import Foundation

/// Loads a config file with the process environment, for the commands that take one.
enum ConfigFile {
    static func load(_ path: String) -> ConfigReport {
        ConfigLoader.load(path: path, environment: ProcessInfo.processInfo.environment)
    }
}
