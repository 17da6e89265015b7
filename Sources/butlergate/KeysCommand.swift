import ButlerGate

/// `butlergate keys new --id NAME`: the key once, on its own line, then the config entry for it.
enum KeysCommand {
    static func new(id: String) -> Int32 {
        guard isValidID(id) else {
            Output.error(
                "butlergate: key id must be 1-64 characters of A-Z a-z 0-9 . _ - and start with a letter or digit"
            )
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

    private static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count), isAlphanumeric(bytes[0]) else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
