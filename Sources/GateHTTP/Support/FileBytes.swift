import Glibc

/// Whole-file reads for PEM files.
enum FileBytes {
    /// The file's bytes; a failure is reported with `code` and the errno text.
    static func read(_ path: String, code: HTTPServerError.Code) throws(HTTPServerError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw HTTPServerError(code, "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw HTTPServerError(code, "cannot read \(path): \(String(cString: strerror(errno)))") }
            if count == 0 { return result }
            result.append(contentsOf: chunk[..<count])
        }
    }
}
