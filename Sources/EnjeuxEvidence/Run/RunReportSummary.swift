import EnjeuxSupport
import Foundation

extension RunReport {
    /// The one-line French summary `make analyze` ends with, for the people who run it:
    /// documents, pages, passages, failures, listed passages and where the evidence is
    /// (« 14 documents (1 en échec), 120 pages, 334 passages ; 311 passages retenus pour
    /// 10 enjeux ; résultats dans Evidence/index.html »).
    package func summaryLine(evidenceFolder: String) -> String {
        let failed = failures.isEmpty ? "" : " (\(French.integer(failures.count)) en échec)"
        let listed = issues.reduce(0) { $0 + $1.shown }
        let empty = issues.filter { $0.shown == 0 }.count
        var line =
            "\(French.count(documents, "document", "documents"))\(failed), \(French.count(pages, "page", "pages")), "
            + "\(French.count(passages, "passage", "passages"))\(French.semicolon)"
            + "\(French.count(listed, "passage retenu", "passages retenus")) pour "
            + French.count(issues.count, "enjeu", "enjeux")
        if empty > 0 { line += " (\(French.integer(empty)) sans passage)" }
        if !ignoredFiles.isEmpty {
            let counts = IgnoredFileCounts(ignoredFiles)
            var kinds: [String] = []
            if !counts.unsupported.isEmpty { kinds.append(counts.extensionList(noExtension: "sans extension")) }
            if counts.lockFiles > 0 {
                kinds.append(French.count(counts.lockFiles, "fichier de verrouillage", "fichiers de verrouillage"))
            }
            if counts.hidden > 0 { kinds.append(French.count(counts.hidden, "caché", "cachés")) }
            if counts.links > 0 {
                kinds.append(French.count(counts.links, "lien symbolique non suivi", "liens symboliques non suivis"))
            }
            if counts.badNames > 0 { kinds.append(French.count(counts.badNames, "nom illisible", "noms illisibles")) }
            line += French.semicolon + French.count(ignoredFiles.count, "fichier non lu", "fichiers non lus")
            line += " (\(kinds.joined(separator: ", ")))"
        }
        return line + "\(French.semicolon)résultats dans \(Self.folderName(evidenceFolder))/index.html"
    }

    /// The line a run ends with when the lexicon is invalid and nothing was written: the
    /// evidence of the run that wrote `evidenceFolder` is kept, and from when (the run's start
    /// in `timeZone`, to the minute). « Lexique invalide : les résultats précédents (du
    /// 2026-12-07 09:12) sont conservés dans Evidence/ ». Without a report (`nil`), there was
    /// no earlier evidence to keep.
    package static func invalidLexiconLine(
        previous: RunReport?, evidenceFolder: String, timeZone: TimeZone = .current
    ) -> String {
        let folder = folderName(evidenceFolder) + "/"
        guard let previous else {
            return "Lexique invalide\(French.colon)aucun résultat n\(French.apostrophe)a été écrit dans \(folder)"
        }
        let date = ISODate.localMinute(previous.startedAt, timeZone: timeZone).map { " (du \($0))" } ?? ""
        return "Lexique invalide\(French.colon)les résultats précédents\(date) sont conservés dans \(folder)"
    }

    private static func folderName(_ folder: String) -> String {
        folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
    }
}
