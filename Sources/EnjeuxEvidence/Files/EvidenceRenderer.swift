import EnjeuxModel

/// Renders the evidence files as text, without touching the disk. The same entries, in the
/// same order, appear in `evidence.jsonl`, the Markdown files and the CSV files.
package enum EvidenceRenderer {
    /// CSV columns, documented in `docs/evidence.md`.
    package static let csvHeader = [
        "rang", "score", "enjeu", "passage", "termes", "source", "page", "citation", "passage_id",
    ]

    // MARK: JSON Lines

    /// `evidence.jsonl`: one line per entry, issues in lexicon order, then by rank.
    package static func jsonl(_ issues: [IssueEvidence]) -> String {
        issues.flatMap(\.entries).map { jsonLine($0) + "\n" }.joined()
    }

    /// One entry as a compact JSON object with sorted keys.
    package static func jsonLine(_ entry: EvidenceEntry) -> String {
        let matches = entry.matches.map { match in
            JSONText.object([
                "term": .string(match.term), "text": .string(match.text), "start": .int(match.start),
                "end": .int(match.end), "contribution": .number(match.contribution),
            ])
        }
        let alsoIn = entry.alsoIn.map { duplicate in
            JSONText.object([
                "source": .string(duplicate.source), "page": .int(duplicate.page),
                "passage_id": .string(duplicate.passageId),
            ])
        }
        var object: [String: JSONText] = [
            "category": .string(entry.category),
            "label": .string(entry.label),
            "rank": .int(entry.rank),
            "score": .number(entry.score),
            "source": .string(entry.source),
            "document_id": .string(entry.documentId),
            "page": .int(entry.location.page),
            "end_page": .optional(entry.location.distinctEndPage),
            "page_label": .optional(entry.location.pageLabel),
            "location": .string(entry.location.kind.rawValue),
            "paragraph": .optional(entry.location.kind == .paragraph ? entry.location.paragraph : nil),
            "pages": .optional(entry.location.pages),
            "passage_id": .string(entry.passageId),
            "heading": .optional(entry.heading),
            "text": .string(entry.text),
            "matches": .array(matches),
            "citation": .string(entry.citation.inText),
            "reference": .string(entry.citation.reference),
            "citation_needs_check": .bool(entry.citation.needsCheck),
            "also_in": .array(alsoIn),
        ]
        // Only rows of a list that learned from judgments have it: without judgments the line
        // is as it always was.
        if let learned = entry.learned {
            object["learned"] = JSONText.object([
                "judged_grade": .optional(learned.judgedGrade),
                "probability": learned.probability.map(JSONText.number) ?? .null,
                "blended": .number(learned.blended), "reasons": .array(learned.reasons.map(JSONText.string)),
            ])
        }
        return JSONText.object(object).serialized
    }

    // MARK: CSV

    /// A CSV file of entries (one issue's, or every issue's for `all.csv`).
    package static func csv(_ entries: [EvidenceEntry]) -> String {
        CSVText.document(header: csvHeader, rows: entries.map(csvRow))
    }

    static func csvRow(_ entry: EvidenceEntry) -> [String] {
        [
            String(entry.rank),
            DecimalText.fixed(entry.score, decimals: 4, decimalSeparator: ".") ?? "",
            entry.category,
            entry.text,
            matchedTerms(entry.matches).joined(separator: "; "),
            entry.source,
            entry.location.citationText.map { $0.hasPrefix("p. ") ? String($0.dropFirst(3)) : $0 } ?? "",
            entry.citation.inText,
            entry.passageId,
        ]
    }

    /// The matched words in order of appearance, each once (ignoring case).
    static func matchedTerms(_ matches: [TermMatch]) -> [String] {
        var seen = Set<String>()
        var terms: [String] = []
        for match in matches.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            let text = match.text.trimmingSpaces()
            guard !text.isEmpty, seen.insert(text.lowercased()).inserted else { continue }
            terms.append(text)
        }
        return terms
    }

    // MARK: Markdown

    /// `<id>.md`: the issue's label, description and passages, in French.
    package static func markdown(issue: IssueEvidence, options: EvidenceOptions = EvidenceOptions()) -> String {
        let label = issue.category.label.trimmingSpaces()
        var out = "# \(MarkdownText.inline(label.isEmpty ? issue.category.id : label))\n\n"
        let description = issue.category.description.trimmingSpaces()
        if !description.isEmpty { out += MarkdownText.paragraph(description) + "\n\n" }
        let threshold = French.decimal(options.scoreThreshold)
        guard !issue.entries.isEmpty else {
            out += "Aucun passage n\(French.apostrophe)a obtenu un score supérieur au seuil (\(threshold)) "
            out += "pour cet enjeu.\n"
            return out
        }
        out += "\(French.count(issue.entries.count, "passage retenu", "passages retenus")) sur "
        out += "\(French.count(issue.candidateCount, "passage", "passages")) dont le score dépasse \(threshold), "
        out += "doublons compris.\n"
        if let learning = issue.learning { out += "\n" + learningLine(learning) + "\n" }
        for entry in issue.entries {
            out += "\n---\n\n" + markdownBlock(entry)
        }
        return out
    }

    static func markdownBlock(_ entry: EvidenceEntry) -> String {
        let bold = entry.matches.map { $0.start..<max($0.start, $0.end) }
        var out = MarkdownText.blockQuote(entry.text, bold: bold) + "\n\n"
        out +=
            "\(MarkdownText.inline(entry.citation.inText, in: .lineStart)) — rang \(entry.rank), score \(French.decimal(entry.score))\n\n"
        out += "- Référence\(French.colon)\(MarkdownText.inline(entry.citation.reference))\n"
        var source = MarkdownText.inline(entry.source)
        if let pages = entry.location.citationText { source += ", " + MarkdownText.inline(pages) }
        if let note = entry.location.note { source += " (\(MarkdownText.inline(note)))" }
        out += "- Source\(French.colon)\(source)\n"
        if let heading = entry.heading?.trimmingSpaces(), !heading.isEmpty {
            out += "- Section\(French.colon)\(French.quoted(MarkdownText.inline(heading)))\n"
        }
        if !entry.alsoIn.isEmpty {
            let places = entry.alsoIn.map { MarkdownText.inline($0.place) }
            out += "- Aussi dans\(French.colon)\(places.joined(separator: French.semicolon))\n"
        }
        if let learned = entry.learned { out += learnedLine(learned) }
        if entry.citation.needsCheck {
            out += "- Citation à vérifier\(French.colon)métadonnées incomplètes (auteur, date ou titre).\n"
        }
        return out
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

extension EvidenceRenderer {
    /// « Classement appris de 12 jugements (5 pertinents, 7 non pertinents) ; 7 passages
    /// écartés par un jugement. »
    static func learningLine(_ learning: LearningSummary) -> String {
        var out = "Classement "
        out += learning.trained ? "appris de " : "ajusté par "
        out += French.count(learning.judgments, "jugement", "jugements")
        out += " (\(French.count(learning.relevant, "pertinent", "pertinents")), "
        out += "\(French.count(learning.notRelevant, "non pertinent", "non pertinents")))"
        if !learning.trained { out += ", sans modèle tant qu\(French.apostrophe)il manque un jugement de chaque sorte" }
        out += French.semicolon + French.count(learning.excluded, "passage écarté", "passages écartés")
        return out + " par un jugement."
    }

    /// « - Jugé : pertinent (2) » or « - Apprentissage : probabilité 0,82 ; + terme autonom*, … ».
    static func learnedLine(_ learned: LearnedRow) -> String {
        learnedText(learned, escape: { MarkdownText.inline($0) }).map { "- \($0)\n" } ?? ""
    }

    /// « Jugé : pertinent (2) », « Apprentissage : probabilité 0,82 ; + terme autonom*, … », or
    /// nil for a row of a list without a model; `escape` makes the feature names safe.
    static func learnedText(_ learned: LearnedRow, escape: (String) -> String) -> String? {
        if let grade = learned.judgedGrade {
            return "Jugé\(French.colon)\(grade == 2 ? "pertinent (2)" : "pertinent en passant (1)")"
        }
        guard let probability = learned.probability else { return nil }
        var out = "Apprentissage\(French.colon)probabilité \(French.decimal(probability, decimals: 2))"
        if !learned.reasons.isEmpty { out += French.semicolon + learned.reasons.map(escape).joined(separator: ", ") }
        return out
    }
}
