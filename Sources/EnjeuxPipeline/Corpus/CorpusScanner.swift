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
    /// Symbolic links that lead outside the corpus folder (followed), sorted by path.
    package var followedLinks: [RunFollowedLink] = []

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
/// starting with a dot), word processors' lock files (`~$x.docx`, `.~lock.x.odt#`) and names
/// that are not valid UTF-8 are listed among the ignored files. The corpus's own settings at
/// its top (`passwords.tsv`, `catalog.json`, `catalog.csv`, `judgments.jsonl`) are read by the
/// pipeline and listed nowhere.
///
/// Symbolic links are followed, those that lead outside the corpus folder too (a corpus often
/// links in documents kept elsewhere); those are listed (`followedLinks`), so that the run
/// says so. Folders are read level by level, so that a file or folder reached by several
/// paths (links, a link back to a parent folder: a cycle) is read once, under its shortest
/// path (fewest folders, then byte order), known by its device and inode; the other paths are
/// listed as `sameFile`. A broken link is listed as `brokenLink`.
package enum CorpusScanner {
    package static let extensions: Set<String> = [
        "pdf", "html", "htm", "xhtml", "mhtml", "mht", "docx", "docm", "odt", "fodt", "txt", "md", "markdown",
    ]

    /// Files at the top of the corpus that configure the run rather than hold a document.
    package static let settingsFiles: Set<String> = ["passwords.tsv", "catalog.json", "catalog.csv", "judgments.jsonl"]

    /// One entry of a folder being listed.
    private struct Entry {
        var name: String
        var relative: String
        var info: FileStatus
        var isLink: Bool
    }

    package static func scan(_ root: URL) throws(StageError) -> CorpusListing {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else {
            throw StageError("corpus folder not found: \(root.path)", status: .missingInput)
        }
        guard isFolder.boolValue else {
            throw StageError("corpus is not a folder: \(root.path)", status: .missingInput)
        }
        let realRoot = realPath(root.path) ?? root.path
        var files: [CorpusFile] = []
        var ignored: [RunIgnoredFolder] = []
        var ignoredFiles: [RunIgnoredFile] = []
        var followedLinks: [RunFollowedLink] = []
        // Device and inode of every folder and file taken, with the path it was taken under.
        var seen: [FileIdentity: String] = [:]
        if let rootInfo = FileStatus.read(root.path) { seen[rootInfo.identity] = "." }
        var level: [String] = [""]
        while !level.isEmpty {
            var next: [String] = []
            for relativeFolder in level {
                let folder = relativeFolder.isEmpty ? root : root.appendingPathComponent(relativeFolder)
                let names: [[UInt8]]
                do {
                    names = try RawDirectory.names(at: folder.path)
                } catch {
                    throw StageError("cannot read folder \(folder.path): \(error.reason)", status: .missingInput)
                }
                var entries: [Entry] = []
                for rawName in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                    guard let name = RawDirectory.text(of: rawName) else {
                        let shown = RawDirectory.escapedText(of: rawName)
                        ignoredFiles.append(
                            RunIgnoredFile(
                                path: relativeFolder.isEmpty ? shown : "\(relativeFolder)/\(shown)",
                                reason: .undecodableName, fileExtension: CorpusFileNames.fileExtension(shown)))
                        continue
                    }
                    let relative = relativeFolder.isEmpty ? name : "\(relativeFolder)/\(name)"
                    let path = root.appendingPathComponent(relative).path
                    guard let own = FileStatus.readLink(path) else {
                        ignoredFiles.append(RunIgnoredFile(path: relative, reason: .unreadable))
                        continue
                    }
                    if own.isSymbolicLink, CorpusFileNames.ignoredReason(name) == nil {
                        guard let target = realPath(path), let info = FileStatus.read(path) else {
                            ignoredFiles.append(RunIgnoredFile(path: relative, reason: .brokenLink))
                            continue
                        }
                        if target != realRoot, !target.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") {
                            followedLinks.append(RunFollowedLink(path: relative, target: target))
                        }
                        entries.append(Entry(name: name, relative: relative, info: info, isLink: true))
                    } else {
                        entries.append(Entry(name: name, relative: relative, info: own, isLink: false))
                    }
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
                        continue
                    }
                    let isDocument =
                        entry.info.isRegular && extensions.contains(CorpusFileNames.fileExtension(entry.name))
                    if entry.info.isDirectory || isDocument, let first = seen[entry.info.identity] {
                        ignoredFiles.append(
                            RunIgnoredFile(
                                path: entry.relative, reason: .sameFile,
                                fileExtension: CorpusFileNames.fileExtension(entry.name), sameAs: first))
                        continue
                    }
                    if entry.info.isDirectory {
                        if let page = PageResourceFolders.page(ofFolder: entry.name, pages: pages) {
                            let pagePath = relativeFolder.isEmpty ? page : "\(relativeFolder)/\(page)"
                            ignored.append(
                                RunIgnoredFolder(
                                    path: entry.relative, page: pagePath,
                                    files: countFiles(in: root.appendingPathComponent(entry.relative))))
                        } else {
                            seen[entry.info.identity] = entry.relative
                            next.append(entry.relative)
                        }
                    } else if isDocument {
                        seen[entry.info.identity] = entry.relative
                        files.append(
                            CorpusFile(
                                relativePath: entry.relative, url: root.appendingPathComponent(entry.relative),
                                size: entry.info.size, modifiedNanoseconds: entry.info.modifiedNanoseconds))
                    } else if entry.info.isRegular, !(relativeFolder.isEmpty && settingsFiles.contains(entry.name)) {
                        ignoredFiles.append(
                            RunIgnoredFile(
                                path: entry.relative, reason: .unsupported,
                                fileExtension: CorpusFileNames.fileExtension(entry.name)))
                    } else if !entry.info.isRegular {
                        // A pipe, a socket, a device: nothing to read, but not left out in silence.
                        ignoredFiles.append(RunIgnoredFile(path: entry.relative, reason: .unreadable))
                    }
                }
            }
            level = next.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        var listing = CorpusListing(
            files: files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) },
            ignoredFolders: ignored.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) },
            ignoredFiles: ignoredFiles.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })
        listing.followedLinks = followedLinks.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return listing
    }

    /// The absolute path with every symbolic link resolved, or nil when it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Files below a folder, hidden ones included, not following links to folders; stops
    /// counting at a million entries.
    static func countFiles(in folder: URL) -> Int {
        var count = 0
        var visited = 0
        var pending = [folder.path]
        while let path = pending.popLast(), visited < 1_000_000 {
            guard let names = try? RawDirectory.names(at: path) else { continue }
            for name in names {
                visited += 1
                let child = "\(path)/\(String(decoding: name, as: UTF8.self))"
                if FileStatus.readLink(child)?.isDirectory == true { pending.append(child) } else { count += 1 }
            }
        }
        return count
    }
}

/// A file's identity on the machine: its device and inode.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}

/// The few fields of `stat(2)` the pipeline needs.
struct FileStatus {
    var isDirectory: Bool
    var isRegular: Bool
    var isSymbolicLink: Bool
    var size: Int
    var modifiedNanoseconds: Int64
    var identity: FileIdentity

    /// What the path leads to (symbolic links followed).
    static func read(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    /// The path itself (a symbolic link is described, not followed).
    static func readLink(_ path: String) -> FileStatus? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    private init(_ info: stat) {
        let type = info.st_mode & S_IFMT
        isDirectory = type == S_IFDIR
        isRegular = type == S_IFREG
        isSymbolicLink = type == S_IFLNK
        size = Int(info.st_size)
        modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
