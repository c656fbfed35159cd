/// The French words for unread files in `run.md` and `index.html`: why each was not read, and
/// how to convert the ones LibreOffice can turn into a format Enjeux reads.
enum RunIgnoredFileHints {
    /// Why one file was not read (« format non pris en charge (.doc) »).
    static func reason(_ file: RunIgnoredFile) -> String {
        switch file.reason {
        case .unsupported:
            let name = file.fileExtension.isEmpty ? "sans extension" : ".\(file.fileExtension)"
            if let target = file.conversionTarget {
                return "format non pris en charge (\(name))\(French.semicolon)à convertir en \(target) avec LibreOffice"
            }
            return "format non pris en charge (\(name))"
        case .lockFile: return "fichier de verrouillage d\u{2019}un document ouvert"
        case .hidden:
            let count = file.files.map { $0 == 1 ? ", 1 fichier" : ", \($0) fichiers" } ?? ""
            return "caché\(count)"
        case .undecodableName: return "nom de fichier illisible (pas en UTF-8)\(French.semicolon)à renommer"
        case .brokenLink: return "lien symbolique cassé"
        case .sameFile:
            return "même fichier que \(file.sameAs ?? "un autre chemin") (lien symbolique), lu une seule fois"
        case .unreadable: return "ni un fichier ordinaire ni un dossier (tube, périphérique…)"
        }
    }

    /// One sentence per conversion that would let Enjeux read some of the files.
    /// `code` writes the command (as code in Markdown, as it is in HTML).
    static func sentences(_ files: [RunIgnoredFile], code: (String) -> String = { $0 }) -> [String] {
        var extensionsByTarget: [String: [String]] = [:]
        for file in files {
            guard let target = file.conversionTarget else { continue }
            let name = ".\(file.fileExtension)"
            if !(extensionsByTarget[target] ?? []).contains(name) {
                extensionsByTarget[target, default: []].append(name)
            }
        }
        return extensionsByTarget.keys.sorted().map { target in
            let names = (extensionsByTarget[target] ?? []).sorted().joined(separator: ", ")
            let what = target == "pdf" ? "en PDF" : "en \(target)"
            return "Conseil\(French.colon)convertir les fichiers \(names) \(what) avec LibreOffice "
                + "(\(code(RunIgnoredFile.conversionCommand(to: target) + " FICHIER"))), puis relancer l\u{2019}analyse."
        }
    }

    /// The hints as `run.md` list items.
    static func markdown(_ files: [RunIgnoredFile]) -> String {
        sentences(files, code: { "`\($0)`" }).map { "- \($0)\n" }.joined()
    }
}
