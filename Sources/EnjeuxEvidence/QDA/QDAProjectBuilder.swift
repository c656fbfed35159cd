import EnjeuxModel
import Foundation

/// Builds the project source by source: where each listed or judged passage is in its
/// document's text, the codings on it, the document's metadata values.
struct QDAProjectBuilder {
    /// The documents in the order of the project: by source path, then id.
    let documents: [DocumentSummary]
    private let input: EvidenceExportInput
    private let codebook: QDACodebook
    private let creator: QDAProject.User
    private let judges: [String: QDAProject.User]
    private let variables: [QDAProject.Variable]
    /// Passage id → its place in the score set, for the passages to code.
    private var passages: [String: ScoredPassage] = [:]
    private var entriesByDocument: [String: [EvidenceEntry]] = [:]
    private var judgmentsByDocument: [String: [EvidenceJudgment]] = [:]
    private var sources: [QDAProject.Source] = []
    private var problems: [String] = []

    init(input: EvidenceExportInput, codebook: QDACodebook, judgments: [EvidenceJudgment]) {
        self.input = input
        self.codebook = codebook
        documents = input.scoreSet.documents.sorted {
            $0.source != $1.source
                ? $0.source.unicodeScalars.lexicographicallyPrecedes($1.source.unicodeScalars) : $0.id < $1.id
        }
        creator = QDAProject.User(guid: QDAGUID.make("user", "enjeux"), name: "Enjeux (classement par le lexique)")
        var judges: [String: QDAProject.User] = [:]
        for judge in Set(judgments.map(\.judge)) {
            judges[judge] = QDAProject.User(guid: QDAGUID.make("judge", judge), name: judge)
        }
        self.judges = judges
        variables = Self.variableNames.map { name, type, description in
            QDAProject.Variable(guid: QDAGUID.make("variable", name), name: name, type: type, description: description)
        }
        var wanted = Set<String>()
        for issue in input.issues {
            for entry in issue.entries {
                entriesByDocument[entry.documentId, default: []].append(entry)
                wanted.insert(Self.key(entry.documentId, entry.passageId))
            }
        }
        // A passage id is unique within its document only (two copies of a file share them).
        let documentIds = Dictionary(
            input.scoreSet.documents.map { ($0.source, $0.id) }, uniquingKeysWith: { first, _ in first })
        var judgedKeys: [String?] = []
        for judgment in judgments {
            let key = documentIds[judgment.source].map { Self.key($0, judgment.passageId) }
            judgedKeys.append(key)
            if let key { wanted.insert(key) }
        }
        for passage in input.scoreSet.passages {
            let key = Self.key(passage.documentId, passage.passageId)
            if wanted.contains(key), passages[key] == nil { passages[key] = passage.restored }
        }
        for (judgment, key) in zip(judgments, judgedKeys) {
            guard let key, let passage = passages[key] else {
                problems.append(
                    "judgment of passage \(judgment.passageId) (\(judgment.source)) not coded: the passage is not among the scored passages"
                )
                continue
            }
            judgmentsByDocument[passage.documentId, default: []].append(judgment)
        }
    }

    static func key(_ document: String, _ passage: String) -> String { document + "\u{1F}" + passage }

    static let variableNames: [(String, String, String)] = [
        ("Titre", "Text", "Titre du document."),
        ("Auteurs", "Text", "Auteurs du document, séparés par « ; »."),
        ("Année", "Integer", "Année de publication."),
        ("Éditeur", "Text", "Éditeur ou organisme."),
        ("Format", "Text", "Format du fichier (pdf, html, docx, odt, text, markdown)."),
        ("Chemin", "Text", "Chemin du fichier dans le corpus."),
    ]

    /// The GUID of a document's source, also the name of its original file in the project.
    static func sourceGUID(of document: DocumentSummary) -> String { QDAGUID.make("source", document.id) }

    /// The GUID of a document's plain text, also its file name in the project.
    static func textGUID(of document: DocumentSummary) -> String { QDAGUID.make("text", document.id) }

    /// Adds a document whose text is `text`; returns the GUIDs of its files.
    mutating func add(_ document: DocumentSummary, text: QDASourceText)
        -> (sourceGUID: String, textGUID: String, isPDF: Bool)
    {
        let sourceGUID = Self.sourceGUID(of: document)
        let textGUID = Self.textGUID(of: document)
        let entries = entriesByDocument[document.id] ?? []
        let judged = judgmentsByDocument[document.id] ?? []
        // The passages to place, in their order in the document.
        let ids = Set(entries.map(\.passageId) + judged.map(\.passageId))
        let ordered = ids.compactMap { passages[Self.key(document.id, $0)] }.sorted {
            $0.index != $1.index ? $0.index < $1.index : $0.passageId < $1.passageId
        }
        let spans = QDATextLocator.spans(of: ordered.map(\.text), in: text)
        var selections: [QDAProject.Selection] = []
        for (passage, span) in zip(ordered, spans) {
            guard let span else {
                problems.append("passage \(passage.passageId) of \(document.source) not found in its text, not coded")
                continue
            }
            let listed = entries.filter { $0.passageId == passage.passageId }.sorted { $0.category < $1.category }
            let judgedHere = judged.filter { $0.passageId == passage.passageId }
                .sorted { ($0.issue, $0.judge, $0.time) < ($1.issue, $1.judge, $1.time) }
            var codings = listed.compactMap { entry -> QDAProject.Coding? in
                guard let code = codebook.issueCodes[entry.category] else { return nil }
                return QDAProject.Coding(
                    guid: QDAGUID.make("coding", passage.passageId, entry.category), code: code, user: creator.guid,
                    date: nil)
            }
            for judgment in judgedHere {
                guard let code = codebook.gradeCodes["\(judgment.issue) \(judgment.grade)"],
                    let user = judges[judgment.judge]
                else {
                    problems.append("judgment of passage \(judgment.passageId) for unknown issue \(judgment.issue)")
                    continue
                }
                codings.append(
                    QDAProject.Coding(
                        guid: QDAGUID.make(
                            "judgment", passage.passageId, judgment.issue, judgment.judge, judgment.time),
                        code: code, user: user.guid, date: Self.dateTime(judgment.time)))
            }
            selections.append(
                QDAProject.Selection(
                    guid: QDAGUID.make("selection", document.id, passage.passageId),
                    name: Self.selectionName(listed: listed, judged: judgedHere, passage: passage),
                    start: span.lowerBound, end: span.upperBound,
                    description: Self.selectionDescription(listed: listed, judged: judgedHere),
                    user: creator.guid, codings: codings))
        }
        selections.sort { ($0.start, $0.end, $0.guid) < ($1.start, $1.end, $1.guid) }
        sources.append(
            QDAProject.Source(
                guid: sourceGUID, name: document.source,
                description: document.metadata.title ?? document.source, textGUID: textGUID,
                isPDF: document.format == .pdf, selections: selections, values: values(of: document)))
        return (sourceGUID, textGUID, document.format == .pdf)
    }

    /// The last source added keeps its text but not its original PDF.
    mutating func textOnly(_ document: DocumentSummary, reason: String) {
        if let last = sources.indices.last, sources[last].name == document.source { sources[last].isPDF = false }
        problems.append("\(document.source): \(reason); its text only is in the project")
    }

    /// Whether the document has listed or judged passages to code (whose places need its text).
    func hasPassages(in document: DocumentSummary) -> Bool {
        entriesByDocument[document.id] != nil || judgmentsByDocument[document.id] != nil
    }

    /// A problem to tell the user.
    mutating func note(_ problem: String) {
        problems.append(problem)
    }

    /// A document left out of the project.
    mutating func leaveOut(_ document: DocumentSummary, reason: String) {
        problems.append("\(document.source): not in the project (\(reason))")
    }

    /// Problems met, summed up for the console: the first five, then how many more.
    var notes: [String] {
        problems.count <= 5 ? problems : Array(problems.prefix(5)) + ["… and \(problems.count - 5) more"]
    }

    func project() -> QDAProject {
        let report = input.report
        let users = [creator] + judges.values.sorted { $0.name < $1.name }
        return QDAProject(
            name: "Enjeux — \(report.lexicon.name)", creator: creator, users: users, codebook: codebook,
            variables: variables, sources: sources, description: description(report),
            date: Self.dateTime(report.startedAt)
        )
    }

    private func description(_ report: RunReport) -> String {
        let shown = input.issues.reduce(0) { $0 + $1.entries.count }
        return """
            Passages classés par Enjeux (exécution du \(report.startedAt)) avec le lexique « \(report.lexicon.name) », \
            version \(report.lexicon.version) (SHA-256 \(report.lexicon.sha256)) : \(report.documents) documents, \
            \(report.passages) passages, \(shown) passages retenus sur \(input.issues.count) enjeux (seuil de score \
            \(input.options.scoreThreshold), \(input.options.maximumPassages) passages au plus par enjeu). Chaque passage \
            retenu est codé avec son enjeu par l’utilisateur « Enjeux » ; les jugements le sont par leur auteur.
            """
    }

    private func values(of document: DocumentSummary) -> [QDAProject.Value] {
        let metadata = document.metadata
        let year = metadata.date.flatMap(Citation.year(in:))
        let texts: [String?] = [
            metadata.title, metadata.authors.isEmpty ? nil : metadata.authors.joined(separator: "; "), year,
            metadata.publisher, document.format.rawValue, document.source,
        ]
        return zip(variables, texts).compactMap { variable, value in
            guard let value, !value.isEmpty else { return nil }
            return QDAProject.Value(variable: variable.guid, type: variable.type, value: value)
        }
    }

    private static func selectionName(listed: [EvidenceEntry], judged: [EvidenceJudgment], passage: ScoredPassage)
        -> String
    {
        if let first = listed.first { return "\(first.label) — rang \(first.rank)" }
        if let first = judged.first { return "Jugé \(first.gradeLabel) (\(first.issue))" }
        return passage.passageId
    }

    private static func selectionDescription(listed: [EvidenceEntry], judged: [EvidenceJudgment]) -> String {
        var lines = listed.map { entry in
            let terms = Array(Set(entry.matches.map(\.term))).sorted().joined(separator: ", ")
            return "\(entry.label) : rang \(entry.rank), score \(French.decimal(entry.score, decimals: 2)) (\(terms))."
        }
        lines += judged.map { judgment in
            "Jugé \(judgment.gradeLabel) pour « \(judgment.issue) » par \(judgment.judge) le \(judgment.time)"
                + (judgment.note.map { " : \($0)" } ?? "") + "."
        }
        return lines.joined(separator: "\n")
    }

    /// `value` when it is an `xsd:dateTime` (`2026-12-07T10:15:00Z`), nil otherwise.
    static func dateTime(_ value: String) -> String? {
        let pattern = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$"#
        return value.range(of: pattern, options: .regularExpression) != nil ? value : nil
    }
}
