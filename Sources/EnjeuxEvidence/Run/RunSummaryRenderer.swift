import EnjeuxSupport

/// Renders `run.md`: a short French summary of a run for people. Control characters that
/// documents put in their names or titles are written as visible escapes (`ControlCharacters`).
package enum RunSummaryRenderer {
    /// Warnings listed in `run.md`; the rest are counted and left to `run.json`.
    package static let listedWarnings = 20

    package static func markdown(_ report: RunReport) -> String {
        let lexicon = report.lexicon
        var out = "# Rapport d\(French.apostrophe)exécution\n\n"
        out += "- Date\(French.colon)\(MarkdownText.inline(report.startedAt))\n"
        out += "- Documents\(French.colon)\(French.integer(report.documents))\n"
        out += "- Pages\(French.colon)\(French.integer(report.pages))\n"
        out += "- Passages\(French.colon)\(French.integer(report.passages))\n"
        out += ignoredFoldersLine(report.ignoredFolders)
        out += ignoredFilesLines(report.ignoredFiles)
        out += followedLinksLine(report.followedLinks)
        out +=
            "- Lexique\(French.colon)\(MarkdownText.inline(lexicon.name)), version \(MarkdownText.inline(lexicon.version))"
        out += " (\(MarkdownText.inline(lexicon.path)), SHA-256\(French.colon)\(MarkdownText.inline(lexicon.sha256)))\n"
        if let ranking = report.ranking {
            out += "- Classement\(French.colon)score supérieur à \(French.decimal(ranking.scoreThreshold)), "
            out += "au plus \(ranking.maximumPassages) passages par enjeu, "
            out += "au plus \(ranking.perDocumentCap) passages d\(French.apostrophe)un même document "
            out += "dans les \(ranking.cappedRanks) premiers rangs, "
            out += "documents dont les \(ranking.documentEvidencePassages) meilleurs passages ont un score moyen "
            out += "d\(French.apostrophe)au moins \(French.decimal(ranking.documentEvidenceLevel)) "
            out += "ou dont au moins \(French.decimal(100 * ranking.documentEvidenceShare)) % des passages "
            out += "dépassent le seuil\n"
        }
        out += leftOutLine(report.leftOutDocuments)
        out += issuesSection(report.issues)
        out += judgmentsSection(report)
        out += failuresSection(report.failures)
        out += warningsSection(report.warnings)
        out += stagesSection(report.stages)
        return ControlCharacters.escaped(out)
    }

    /// « 1 dossier de ressources de page web ignoré : page_files/ (page de page.html) », the
    /// first 20 folders listed; nothing when no folder was ignored.
    private static func ignoredFoldersLine(_ folders: [RunIgnoredFolder]) -> String {
        guard !folders.isEmpty else { return "" }
        let noun =
            folders.count == 1
            ? "dossier de ressources de page web ignoré" : "dossiers de ressources de pages web ignorés"
        let listed = folders.prefix(listedWarnings).map {
            "\(MarkdownText.inline($0.path + "/")) (page de \(MarkdownText.inline($0.page)))"
        }
        var line = "- \(French.integer(folders.count)) \(noun)\(French.colon)" + listed.joined(separator: ", ")
        if folders.count > listed.count {
            line += ", … et \(French.integer(folders.count - listed.count)) autres (voir run.json)"
        }
        return line + "\n"
    }

    /// The unread files, by kind: « 3 fichiers non pris en charge : 2 .doc, 1 .pptx — `a.doc`… »
    /// with a conversion hint, then lock files and hidden files; the first 20 of each listed.
    private static func ignoredFilesLines(_ files: [RunIgnoredFile]) -> String {
        guard !files.isEmpty else { return "" }
        let counts = IgnoredFileCounts(files)
        var out = ""
        let unsupported = files.filter { $0.reason == .unsupported }
        if !unsupported.isEmpty {
            let noun =
                unsupported.count == 1 ? "fichier non pris en charge" : "fichiers non pris en charge"
            out += "- \(French.integer(unsupported.count)) \(noun)\(French.colon)"
            out += counts.extensionList(noExtension: "sans extension") + " — " + listed(unsupported) + "\n"
            out += RunIgnoredFileHints.markdown(unsupported)
        }
        let locks = files.filter { $0.reason == .lockFile }
        if !locks.isEmpty {
            let noun =
                locks.count == 1
                ? "fichier de verrouillage ignoré" : "fichiers de verrouillage ignorés"
            out += "- \(French.integer(locks.count)) \(noun) (document ouvert dans un traitement de texte)"
            out += "\(French.colon)\(listed(locks))\n"
        }
        let hidden = files.filter { $0.reason == .hidden }
        if !hidden.isEmpty {
            let noun = hidden.count == 1 ? "fichier ou dossier caché ignoré" : "fichiers ou dossiers cachés ignorés"
            out += "- \(French.integer(hidden.count)) \(noun)\(French.colon)\(listed(hidden))\n"
        }
        out += otherIgnoredLines(files)
        return out
    }

    /// Symbolic links not followed and names that cannot be read, each kind on its line.
    private static func otherIgnoredLines(_ files: [RunIgnoredFile]) -> String {
        let kinds: [(RunIgnoredFile.Reason, String, String)] = [
            (
                .sameFile, "chemin vers un fichier déjà lu (lien symbolique)",
                "chemins vers des fichiers déjà lus (liens symboliques)"
            ),
            (.brokenLink, "lien symbolique cassé", "liens symboliques cassés"),
            (
                .undecodableName, "nom de fichier illisible (pas en UTF-8), à renommer",
                "noms de fichiers illisibles (pas en UTF-8), à renommer"
            ),
            (
                .unreadable, "entrée qui n\(French.apostrophe)est ni un fichier ordinaire ni un dossier",
                "entrées qui ne sont ni des fichiers ordinaires ni des dossiers"
            ),
        ]
        var out = ""
        for (reason, one, many) in kinds {
            let matching = files.filter { $0.reason == reason }
            guard !matching.isEmpty else { continue }
            out +=
                "- \(French.integer(matching.count)) \(matching.count == 1 ? one : many)\(French.colon)\(listed(matching))"
            out += "\n"
        }
        return out
    }

    /// « 1 lien symbolique vers l’extérieur du corpus, suivi : `dev` → `/données/dev` », the
    /// first 20 listed, with the rule; nothing when no link leaves the corpus.
    private static func followedLinksLine(_ links: [RunFollowedLink]) -> String {
        guard !links.isEmpty else { return "" }
        let noun =
            links.count == 1
            ? "lien symbolique vers l\(French.apostrophe)extérieur du corpus, suivi"
            : "liens symboliques vers l\(French.apostrophe)extérieur du corpus, suivis"
        let listed = links.prefix(listedWarnings).map {
            "\(MarkdownText.inline($0.path)) → \(MarkdownText.inline($0.target))"
        }
        var line = "- \(French.integer(links.count)) \(noun)\(French.colon)" + listed.joined(separator: ", ")
        if links.count > listed.count {
            line += ", … et \(French.integer(links.count - listed.count)) autres (voir run.json)"
        }
        line += " (Enjeux suit les liens symboliques, même hors du dossier du corpus, "
        line += "et ne lit chaque fichier qu\(French.apostrophe)une fois)"
        return line + "\n"
    }

    /// The first 20 paths, a folder's with `/` and its file count.
    private static func listed(_ files: [RunIgnoredFile]) -> String {
        let names = files.prefix(listedWarnings).map { file in
            guard let count = file.files else { return MarkdownText.inline(file.path) }
            return "\(MarkdownText.inline(file.path + "/")) (\(French.count(count, "fichier", "fichiers")))"
        }
        var line = names.joined(separator: ", ")
        if files.count > names.count {
            line += ", … et \(French.integer(files.count - names.count)) autres (voir run.json)"
        }
        return line
    }

    /// « 3 documents écartés, trop peu de preuves (score moyen de leurs meilleurs passages) :
    /// manuel.pdf (2,1), … », the first 20 listed; nothing when every document is evidence.
    private static func leftOutLine(_ documents: [RunLeftOutDocument]) -> String {
        guard !documents.isEmpty else { return "" }
        let noun = documents.count == 1 ? "document écarté" : "documents écartés"
        let listed = documents.prefix(listedWarnings).map {
            "\(MarkdownText.inline($0.source)) (\(French.decimal($0.strength)))"
        }
        var line = "- \(French.integer(documents.count)) \(noun), trop peu de preuves "
        line += "(score moyen de leurs meilleurs passages)\(French.colon)" + listed.joined(separator: ", ")
        if documents.count > listed.count {
            line += ", … et \(French.integer(documents.count - listed.count)) autres (voir run.json)"
        }
        return line + "\n"
    }

    private static func issuesSection(_ issues: [IssueCount]) -> String {
        var out = "\n## Passages retenus par enjeu\n\n"
        guard !issues.isEmpty else { return out + "Aucun enjeu.\n" }
        out += "| Enjeu | Au-dessus du seuil | Retenus |\n|---|--:|--:|\n"
        let names = IssueFileNames(ids: issues.map(\.category))
        for issue in issues {
            let file = names.baseName(for: issue.category) + ".md"
            out += "| [\(MarkdownText.inline(issue.label, in: .tableLinkText))](\(file)) "
            out += "(\(MarkdownText.inline(issue.category, in: .tableCell))) "
            out += "| \(French.integer(issue.candidates)) | \(French.integer(issue.shown)) |\n"
        }
        return out
    }

    /// « Apprentissage à partir des jugements »: which issues learned from how many
    /// judgments, how many passages a judgment left out, and the judgments not found.
    private static func judgmentsSection(_ report: RunReport) -> String {
        guard let judgments = report.judgments else { return "" }
        var out = "\n## Apprentissage à partir des jugements\n\n"
        out += "\(French.count(judgments.inForce, "jugement en vigueur", "jugements en vigueur")) dans "
        out += "\(MarkdownText.inline(judgments.file)), \(French.count(judgments.attached, "rattaché", "rattachés")) "
        out += "à un passage.\n\n"
        let learned = report.issues.filter { $0.learning != nil }
        if !learned.isEmpty {
            out += "| Enjeu | Jugements | Pertinents | Non pertinents | Modèle | Écartés par un jugement |\n"
            out += "|---|--:|--:|--:|---|--:|\n"
            for issue in learned {
                guard let learning = issue.learning else { continue }
                out += "| \(MarkdownText.inline(issue.label, in: .tableCell)) | \(French.integer(learning.judgments)) "
                out += "| \(French.integer(learning.relevant)) | \(French.integer(learning.notRelevant)) "
                out += "| \(learning.trained ? "appris" : "pas encore") | \(French.integer(learning.excluded)) |\n"
            }
        }
        if !judgments.missing.isEmpty {
            out += "\n\(French.count(judgments.missing.count, "jugement sans passage", "jugements sans passage")) "
            out += "(document modifié ou retiré, ou passage sous le seuil)\(French.colon)\n\n"
            for missing in judgments.missing.prefix(listedWarnings) {
                out += "- \(MarkdownText.inline(missing.source)), \(MarkdownText.inline(missing.category)), "
                out +=
                    "note \(missing.grade)\(French.colon)\(French.quoted(MarkdownText.inline(DiffExcerpt.cut(missing.quote))))\n"
            }
            if judgments.missing.count > listedWarnings {
                out += "- … et \(French.integer(judgments.missing.count - listedWarnings)) autres (voir run.json)\n"
            }
        }
        for line in judgments.skippedLines.prefix(listedWarnings) {
            out += "\n- Ligne ignorée\(French.colon)\(MarkdownText.inline(line))"
        }
        if !judgments.skippedLines.isEmpty { out += "\n" }
        return out
    }

    /// Every failure, grouped by its French reason.
    private static func failuresSection(_ failures: [RunFailure]) -> String {
        var out = "\n## Échecs (\(French.integer(failures.count)))\n\n"
        guard !failures.isEmpty else { return out + "Aucun document en échec.\n" }
        for group in ReasonGroup.failures(failures) {
            out += groupLines(group, count: French.count(group.items.count, "document", "documents"), limit: nil)
        }
        return out
    }

    /// The warnings grouped by their French reason, the first 20 documents of each group listed.
    private static func warningsSection(_ warnings: [RunWarning]) -> String {
        var out = "\n## Avertissements (\(French.integer(warnings.count)))\n\n"
        guard !warnings.isEmpty else { return out + "Aucun avertissement.\n" }
        for group in ReasonGroup.warnings(warnings) {
            let count = French.count(group.items.count, "document", "documents")
            out += groupLines(group, count: count, limit: listedWarnings)
        }
        return out
    }

    /// `- headline : 3 documents`, then one indented line per item (`- a.pdf (page 3)`), at most
    /// `limit` of them.
    private static func groupLines(_ group: ReasonGroup, count: String, limit: Int?) -> String {
        var out = "- \(MarkdownText.inline(group.headline))\(French.colon)\(count)\n"
        let listed = limit.map { Array(group.items.prefix($0)) } ?? group.items
        for item in listed {
            out += "  - \(MarkdownText.inline(item.path))"
            if let detail = item.detail { out += " (\(MarkdownText.inline(detail)))" }
            out += "\n"
        }
        if group.items.count > listed.count {
            out += "  - … et \(French.integer(group.items.count - listed.count)) autres (voir run.json)\n"
        }
        return out
    }

    private static func stagesSection(_ stages: [StageTiming]) -> String {
        guard !stages.isEmpty else { return "" }
        var out = "\n## Étapes\n\n| Étape | Durée (s) | Traités | Réutilisés |\n|---|--:|--:|--:|\n"
        for stage in stages {
            out +=
                "| \(MarkdownText.inline(stage.stage, in: .tableCell)) | \(French.decimal(stage.seconds, decimals: 2)) "
            out += "| \(French.integer(stage.processed)) | \(French.integer(stage.reused)) |\n"
        }
        return out
    }
}
