import EnjeuxEvidence

/// What a file's name alone says about it in a corpus folder.
enum CorpusFileNames {
    /// The extension in lowercase, without the dot; empty for a name without one (`README`,
    /// `.profile`).
    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Why a file or folder is not read whatever it holds: a word processor's lock file (Word's
    /// `~$rapport.docx`, LibreOffice's `.~lock.rapport.odt#`), or a hidden name; nil otherwise.
    static func ignoredReason(_ name: String) -> RunIgnoredFile.Reason? {
        if name.hasPrefix("~$") || (name.hasPrefix(".~lock.") && name.hasSuffix("#")) { return .lockFile }
        if name.hasPrefix(".") { return .hidden }
        return nil
    }
}
