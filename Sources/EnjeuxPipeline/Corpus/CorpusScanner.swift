import EnjeuxCommandLine
import EnjeuxEvidence
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

/// What the scanner found: the documents, and the folders and files it left out.
package struct CorpusListing: Sendable, Hashable {
    /// The documents, sorted by path.
    package var files: [CorpusFile]
    /// Resource folders of saved web pages, sorted by path: not read, but reported.
    package var ignoredFolders: [RunIgnoredFolder]
    /// Files (and hidden folders) not read, sorted by path: reported with their reason.
    package var ignoredFiles: [RunIgnoredFile]

    package init(files: [CorpusFile], ignoredFolders: [RunIgnoredFolder] = [], ignoredFiles: [RunIgnoredFile] = []) {
        self.files = files
        self.ignoredFolders = ignoredFolders
        self.ignoredFiles = ignoredFiles
    }
}

/// Lists the documents of a corpus folder: every file below it, recursively, whose
/// extension (in any case) is one of `extensions`, sorted by path. Nothing else is skipped in
/// silence: the resource folder of a page saved with "Save page as… complete"
/// (`page_files/` beside `page.html`, see `PageResourceFolders`) is not entered and is listed
/// among the ignored folders; files of other formats, hidden files and folders (a name
/// starting with a dot) and word processors' lock files (`~$x.docx`, `.~lock.x.odt#`) are
/// listed among the ignored files. The corpus's own settings at its top (`passwords.tsv`,
/// `catalog.json`, `catalog.csv`, `judgments.jsonl`) are read by the pipeline and listed nowhere.
package enum CorpusScanner {
    package static let extensions: Set<String> = [
        "pdf", "html", "htm", "xhtml", "mhtml", "mht", "docx", "docm", "odt", "fodt", "txt", "md", "markdown",
    ]

    /// Files at the top of the corpus that configure the run rather than hold a document.
    package static let settingsFiles: Set<String> = ["passwords.tsv", "catalog.json", "catalog.csv", "judgments.jsonl"]

    package static func scan(_ root: URL) throws(StageError) -> CorpusListing {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else {
            throw StageError("corpus folder not found: \(root.path)", status: .missingInput)
        }
        guard isFolder.boolValue else {
            throw StageError("corpus is not a folder: \(root.path)", status: .missingInput)
        }
        var files: [CorpusFile] = []
        var ignored: [RunIgnoredFolder] = []
        var ignoredFiles: [RunIgnoredFile] = []
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
            let entries = names.compactMap { name -> (name: String, relative: String, info: FileStatus)? in
                let relative = relativeFolder.isEmpty ? name : "\(relativeFolder)/\(name)"
                return FileStatus.read(root.appendingPathComponent(relative).path).map { (name, relative, $0) }
            }
            let pages = PageResourceFolders.pagesByBaseName(entries.filter(\.info.isRegular).map(\.name))
            for entry in entries {
                if let reason = CorpusFileNames.ignoredReason(entry.name) {
                    ignoredFiles.append(
                        RunIgnoredFile(
                            path: entry.relative, reason: reason,
                            fileExtension: CorpusFileNames.fileExtension(entry.name),
                            files: entry.info.isDirectory
                                ? countFiles(in: root.appendingPathComponent(entry.relative)) : nil))
                } else if entry.info.isDirectory {
                    if let page = PageResourceFolders.page(ofFolder: entry.name, pages: pages) {
                        let pagePath = relativeFolder.isEmpty ? page : "\(relativeFolder)/\(page)"
                        ignored.append(
                            RunIgnoredFolder(
                                path: entry.relative, page: pagePath,
                                files: countFiles(in: root.appendingPathComponent(entry.relative))))
                    } else {
                        pending.append(entry.relative)
                    }
                } else if entry.info.isRegular, extensions.contains(CorpusFileNames.fileExtension(entry.name)) {
                    files.append(
                        CorpusFile(
                            relativePath: entry.relative, url: root.appendingPathComponent(entry.relative),
                            size: entry.info.size, modifiedNanoseconds: entry.info.modifiedNanoseconds))
                } else if entry.info.isRegular, !(relativeFolder.isEmpty && settingsFiles.contains(entry.name)) {
                    ignoredFiles.append(
                        RunIgnoredFile(
                            path: entry.relative, reason: .unsupported,
                            fileExtension: CorpusFileNames.fileExtension(entry.name)))
                }
            }
        }
        return CorpusListing(
            files: files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) },
            ignoredFolders: ignored.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) },
            ignoredFiles: ignoredFiles.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })
    }

    /// Files below a folder, hidden ones included, not following links to folders; stops
    /// counting at a million entries.
    static func countFiles(in folder: URL) -> Int {
        var count = 0
        var visited = 0
        var pending = [folder.path]
        while let path = pending.popLast(), visited < 1_000_000 {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names {
                visited += 1
                let child = "\(path)/\(name)"
                let type = (try? FileManager.default.attributesOfItem(atPath: child))?[.type] as? FileAttributeType
                if type == .typeDirectory { pending.append(child) } else { count += 1 }
            }
        }
        return count
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
