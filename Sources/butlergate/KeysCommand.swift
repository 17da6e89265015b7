import ButlerGate

/// `butlergate keys new --id NAME`: the key once, on its own line, then the config entry for it.
enum KeysCommand {
    static func new(id: String) -> Int32 {
        guard KeyConfig.isValidID(id) else {
            Output.error("butlergate: key id \(KeyConfig.idRule)")
            return 2
        }
        let generated = KeyGenerator.generate()
        Output.line(generated.key)
        Output.error(
            """

            Store the key above where the caller keeps secrets; it is not shown again.
            Add this entry to "keys" in the config (it holds only the key's SHA-256):
            """
        )
        Output.line(#"{"id": "\#(id)", "hash": "\#(generated.hashLine)", "servers": ["*"], "tasks": ["*"]}"#)
        return 0
    }
}
