/// What every section reader needs: where problems go, the environment and the file reader.
struct ConfigLoadContext {
    /// Where problems go.
    let sink: ConfigProblemSink
    /// Where `{"env": ...}` secrets are looked up.
    let environment: [String: String]
    /// Where named files are read from.
    let readFile: ConfigLoader.FileReader

    /// Checks that `path` names a readable file holding a PEM block with `label` (e.g. `CERTIFICATE`).
    func checkPEMFile(_ path: String, at location: ConfigPath, label: String) {
        guard !path.isEmpty else {
            sink.error(location, "must be a file path, not empty")
            return
        }
        let contents: [UInt8]
        do {
            contents = try readFile(path)
        } catch {
            sink.error(location, "cannot read '\(path)': it \(error.reason)")
            return
        }
        // Key files are read only to find a PEM header; their contents never reach a message.
        let text = String(decoding: contents, as: UTF8.self)
        guard text.contains("-----BEGIN ") && text.contains("\(label)-----") else {
            sink.error(location, "'\(path)' holds no PEM \(label) block")
            return
        }
    }
}
