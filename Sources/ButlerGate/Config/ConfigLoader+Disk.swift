import Foundation

extension ConfigLoader {
    /// Reads a whole file from disk, refusing directories and files over `limit` bytes.
    public static func readFromDisk(_ path: String, limit: Int = 16 << 20) throws(ConfigFileError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound }
        guard !isDirectory.boolValue else { throw .isDirectory }
        guard FileManager.default.isReadableFile(atPath: path),
            let data = FileManager.default.contents(atPath: path)
        else { throw .notReadable }
        guard data.count <= limit else { throw .tooLarge(limit: limit) }
        return [UInt8](data)
    }
}
