/// Resolves a secret written as a plain string, `{"env": "NAME"}` or `{"file": "/path"}`.
///
/// Messages name the variable or file, never the value.
enum SecretSection {
    /// The secret at `key` of `object`, or nil when it is missing or cannot be resolved (reported).
    static func read(
        _ key: String,
        of object: ConfigObject,
        context: ConfigLoadContext,
        warnWhenPlain: Bool
    ) -> String? {
        guard let value = object.value(key, required: true) else { return nil }
        let path = object.path.key(key)
        switch value {
        case .string(let text):
            if warnWhenPlain {
                context.sink.warning(path, "plain-text secret in config; use {\"env\": ...} or {\"file\": ...}")
            }
            return text
        case .object:
            guard let source = ConfigObject(value, at: path, sink: context.sink) else { return nil }
            return resolve(source, context: context)
        default:
            context.sink.wrongType(path, expected: "a string, {\"env\": \"NAME\"} or {\"file\": \"/path\"}", got: value)
            return nil
        }
    }

    private static func resolve(_ source: ConfigObject, context: ConfigLoadContext) -> String? {
        source.allowOnly(["env", "file"])
        let variable = source.string("env")
        let file = source.string("file")
        switch (variable, file) {
        case (let name?, nil):
            return fromEnvironment(name, at: source.path.key("env"), context: context)
        case (nil, let path?):
            return fromFile(path, at: source.path.key("file"), context: context)
        case (.some, .some):
            context.sink.error(source.path, "give either 'env' or 'file', not both")
        case (nil, nil):
            if !source.has("env") && !source.has("file") {
                context.sink.error(source.path, "must have 'env' (a variable name) or 'file' (a path)")
            }
        }
        return nil
    }

    private static func fromEnvironment(_ name: String, at path: ConfigPath, context: ConfigLoadContext) -> String? {
        guard !name.isEmpty else {
            context.sink.error(path, "must name an environment variable")
            return nil
        }
        guard let value = context.environment[name] else {
            context.sink.error(path, "environment variable \(name) is not set")
            return nil
        }
        guard !value.isEmpty else {
            context.sink.error(path, "environment variable \(name) is empty")
            return nil
        }
        return value
    }

    private static func fromFile(_ file: String, at path: ConfigPath, context: ConfigLoadContext) -> String? {
        guard !file.isEmpty else {
            context.sink.error(path, "must be a file path, not empty")
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try context.readFile(file)
        } catch {
            context.sink.error(path, "cannot read secret file '\(file)': it \(error.reason)")
            return nil
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            context.sink.error(path, "secret file '\(file)' is not UTF-8 text")
            return nil
        }
        // Editors and `echo` end files with a newline that is not part of the secret.
        while text.hasSuffix("\n") || text.hasSuffix("\r") || text.hasSuffix("\r\n") {
            text.removeLast()
        }
        guard !text.isEmpty else {
            context.sink.error(path, "secret file '\(file)' is empty")
            return nil
        }
        return text
    }
}
