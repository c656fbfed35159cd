import EnjeuxCommandLine
import EnjeuxModel
import Foundation

/// A document file found in the corpus folder.
package struct CorpusFile: Sendable, Hashable {
    /// Path relative to the corpus folder, `/`-separated.
    package var relativePath: String
    package var url: URL
    package var size: Int
    /// Modification time in nanoseconds since 1970.
    package var modifiedNanoseconds: Int64

    package var id: String { DocumentID.make(relativePath: relativePath) }

    package init(relativePath: String, url: URL, size: Int, modifiedNanoseconds: Int64) {
        self.relativePath = relativePath
        self.url = url
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }
}

/// Lists the documents of a corpus folder: every `.pdf`, `.html` and `.htm` file below it,
/// recursively, hidden files and folders excepted, sorted by path.
package enum CorpusScanner {
    package static let extensions: Set<String> = ["pdf", "html", "htm"]

    package static func scan(_ root: URL) throws(StageError) -> [CorpusFile] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else {
            throw StageError("corpus folder not found: \(root.path)", status: .missingInput)
        }
        guard isFolder.boolValue else {
            throw StageError("corpus is not a folder: \(root.path)", status: .missingInput)
        }
        var files: [CorpusFile] = []
        var pending: [String] = [""]
        while let relativeFolder = pending.popLast() {
            let folder = relativeFolder.isEmpty ? root : root.appendingPathComponent(relativeFolder)
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw StageError(
                    "cannot read folder \(folder.path): \(error.localizedDescription)", status: .missingInput)
            }
            for name in names where !name.hasPrefix(".") {
                let relative = relativeFolder.isEmpty ? name : "\(relativeFolder)/\(name)"
                let url = root.appendingPathComponent(relative)
                guard let info = FileStatus.read(url.path) else { continue }
                if info.isDirectory {
                    pending.append(relative)
                } else if info.isRegular, extensions.contains((name as NSString).pathExtension.lowercased()) {
                    files.append(
                        CorpusFile(
                            relativePath: relative, url: url, size: info.size,
                            modifiedNanoseconds: info.modifiedNanoseconds))
                }
            }
        }
        return files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }
}

/// The few fields of `stat(2)` the pipeline needs (follows symbolic links).
struct FileStatus {
    var isDirectory: Bool
    var isRegular: Bool
    var size: Int
    var modifiedNanoseconds: Int64

    static func read(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        return FileStatus(
            isDirectory: type == S_IFDIR, isRegular: type == S_IFREG, size: Int(info.st_size),
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
