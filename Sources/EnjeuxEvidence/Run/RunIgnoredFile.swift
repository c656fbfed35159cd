/// A file of the corpus that was not read, and why: a format Enjeux does not read, a hidden
/// file or folder, a word processor's lock file, a name that is not UTF-8, a symbolic link
/// that is broken or leads to a file already read. Listed in the extraction manifest, `run.json`,
/// `run.md` and `index.html`, and counted by kind in the run's summary line, so that no file
/// is left out in silence.
package struct RunIgnoredFile: Codable, Sendable, Hashable {
    package enum Reason: String, Codable, Sendable, Hashable {
        /// A file whose extension is not one of the formats read.
        case unsupported
        /// A file or folder whose name starts with a dot.
        case hidden
        /// The lock file a word processor writes beside an open document (`~$rapport.docx`,
        /// `.~lock.rapport.odt#`).
        case lockFile = "lock_file"
        /// A name that is not valid UTF-8 (`path` shows it with `\xNN` for each invalid byte).
        case undecodableName = "undecodable_name"
        /// A symbolic link whose target does not exist (or a chain of links that never ends).
        case brokenLink = "broken_link"
        /// A path (through a symbolic link) to a file or folder already read under a shorter
        /// path, `sameAs`; a link back to one of its own parent folders (a cycle) is one.
        case sameFile = "same_file"
        /// Neither a regular file nor a folder (a pipe, a socket, a device), or an entry whose
        /// type the system would not tell (`lstat` failed).
        case unreadable
    }

    /// Path relative to the corpus folder, `/`-separated (a folder's without a final `/`).
    package var path: String
    package var reason: Reason
    /// The extension in lowercase, without the dot; empty when the name has none.
    package var fileExtension: String
    /// For a hidden folder, the files in it and its sub-folders; nil for a file.
    package var files: Int?
    /// For `sameFile`, the path the file or folder was read under.
    package var sameAs: String?

    package init(path: String, reason: Reason, fileExtension: String = "", files: Int? = nil, sameAs: String? = nil) {
        self.path = path
        self.reason = reason
        self.fileExtension = fileExtension
        self.files = files
        self.sameAs = sameAs
    }

    /// The format LibreOffice can convert a file of this extension to so that Enjeux reads it
    /// (`docx` for old Word, RTF and other word-processing files; `pdf` for presentations), or
    /// nil when there is no useful conversion.
    package var conversionTarget: String? {
        guard reason == .unsupported else { return nil }
        return Self.conversionTargets[fileExtension]
    }

    static let conversionTargets: [String: String] = [
        "doc": "docx", "dot": "docx", "rtf": "docx", "wpd": "docx", "wps": "docx", "sxw": "docx", "abw": "docx",
        "pages": "docx", "ppt": "pdf", "pptx": "pdf", "pps": "pdf", "ppsx": "pdf", "odp": "pdf", "key": "pdf",
    ]

    /// The line `enjeux-extract` prints: `a.doc: not read, unsupported format (.doc); convert it:
    /// soffice --headless --convert-to docx "a.doc"`.
    package var consoleLine: String {
        switch reason {
        case .unsupported:
            let format = fileExtension.isEmpty ? "no extension" : ".\(fileExtension)"
            var line = "\(path): not read, unsupported format (\(format))"
            if let target = conversionTarget {
                line += "; convert it: \(Self.conversionCommand(to: target)) \"\(path)\""
            }
            return line
        case .lockFile: return "\(path): not read, lock file of a document open in a word processor"
        case .hidden:
            return files.map { "\(path)/: not read, hidden folder (\($0) files)" } ?? "\(path): not read, hidden file"
        case .undecodableName:
            return "\(path): not read, its name is not valid UTF-8 (invalid bytes shown as \\xNN); rename it"
        case .brokenLink: return "\(path): not read, broken symbolic link"
        case .sameFile:
            return "\(path): not read again, same file or folder as \(sameAs ?? "another path") (symbolic link)"
        case .unreadable: return "\(path): not read, not a regular file or folder (a pipe, a device…)"
        }
    }

    /// The command that converts files of this kind, for a hint (`soffice --headless --convert-to docx`).
    package static func conversionCommand(to target: String) -> String {
        "soffice --headless --convert-to \(target)"
    }
}

/// The unread files of a run grouped for a summary: unsupported files by extension (most
/// frequent first), then lock files and hidden files.
package struct IgnoredFileCounts: Sendable {
    /// Unsupported files per extension (`""` for names without one), most frequent first,
    /// then by extension, names without one last.
    package var unsupported: [(fileExtension: String, count: Int)]
    package var lockFiles: Int
    package var hidden: Int
    /// Symbolic links not followed (broken, or leading to a file already read).
    package var links: Int
    /// Names that are not UTF-8, and entries the system would not describe.
    package var badNames: Int

    package init(_ files: [RunIgnoredFile]) {
        var byExtension: [String: Int] = [:]
        var lockFiles = 0
        var hidden = 0
        var links = 0
        var badNames = 0
        for file in files {
            switch file.reason {
            case .unsupported: byExtension[file.fileExtension, default: 0] += 1
            case .lockFile: lockFiles += 1
            case .hidden: hidden += 1
            case .brokenLink, .sameFile: links += 1
            case .undecodableName, .unreadable: badNames += 1
            }
        }
        unsupported = byExtension.map { ($0.key, $0.value) }.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.fileExtension.isEmpty != b.fileExtension.isEmpty { return !a.fileExtension.isEmpty }
            return a.fileExtension < b.fileExtension
        }
        self.lockFiles = lockFiles
        self.hidden = hidden
        self.links = links
        self.badNames = badNames
    }

    package var unsupportedTotal: Int { unsupported.reduce(0) { $0 + $1.count } }

    /// `2 .doc, 1 .pptx, 1 without extension` style list, with the caller's words for "without extension".
    package func extensionList(noExtension: String) -> String {
        unsupported.map { "\($0.count) \($0.fileExtension.isEmpty ? noExtension : "." + $0.fileExtension)" }
            .joined(separator: ", ")
    }
}
