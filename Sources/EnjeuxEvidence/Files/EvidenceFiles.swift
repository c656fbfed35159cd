import EnjeuxModel
import EnjeuxSupport
import Foundation

/// One file of the Evidence folder: its name and its bytes.
package struct EvidenceFile: Sendable, Hashable {
    package var name: String
    /// Rendered text is kept as the string itself and written from its UTF-8 storage: a copy
    /// of a large `index.html` would cost as much memory again.
    private var storage: Storage

    private enum Storage: Sendable, Hashable {
        case bytes(Data)
        case text(String)
    }

    package init(name: String, contents: Data) {
        self.name = name
        self.storage = .bytes(contents)
    }

    init(name: String, text: String) {
        self.name = name
        self.storage = .text(text)
    }

    /// The file's bytes.
    package var contents: Data {
        get {
            switch storage {
            case .bytes(let data): data
            case .text(let text): Data(text.utf8)
            }
        }
        set { storage = .bytes(newValue) }
    }

    /// Writes the file at `url` (replacing any file there), without copying its bytes.
    func write(to url: URL) throws {
        switch storage {
        case .bytes(let data):
            try data.write(to: url)
        case .text(var text):
            try text.withUTF8 { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else {
                    try Data().write(to: url)
                    return
                }
                let view = Data(
                    bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
                try view.write(to: url)
            }
        }
    }
}

/// The rendered Evidence folder and the report as written to `run.json`.
package struct RenderedEvidence: Sendable, Hashable {
    /// The files in a fixed order: `evidence.jsonl`, `references.json`, `<id>.md` and `<id>.csv`
    /// per issue, `all.csv`, `evidence.xlsx`, `index.html`, `run.json`, `run.md`.
    package var files: [EvidenceFile]
    /// The report with the per-issue counts and the ranking options filled in.
    package var report: RunReport
}

/// Every file of the Evidence folder, rendered in memory.
package enum EvidenceFiles {
    /// Ranks, cites and renders every file of the Evidence folder; `links` says how
    /// `index.html` links passages to their source documents.
    package static func render(
        scoreSet: ScoreSet, report: RunReport, options: EvidenceOptions, links: SourceLinks = SourceLinks()
    )
        throws(EvidenceWriteError)
        -> RenderedEvidence
    {
        var files: [EvidenceFile] = []
        let written = try render(scoreSet: scoreSet, report: report, options: options, links: links) {
            files.append($0)
        }
        return RenderedEvidence(files: files, report: written)
    }

    /// Renders the files one after the other and hands each to `emit` as soon as it is
    /// rendered, so that a large folder is never held whole in memory; `beginning` is told
    /// which documents are evidence before the ranking starts, and `exporting` then writes the
    /// files that have their own writers (before `run.json`). Returns the report as written to
    /// `run.json`.
    package static func render(
        scoreSet: ScoreSet, report: RunReport, options: EvidenceOptions, links: SourceLinks = SourceLinks(),
        adjustments: [String: RankingAdjustment] = [:], releaseMemory: @escaping @Sendable () -> Void = {},
        emit: (EvidenceFile) throws(EvidenceWriteError) -> Void,
        beginning: (DocumentEvidence) -> Void = { _ in },
        exporting: ([IssueEvidence], DocumentEvidence, RunReport) throws(EvidenceWriteError) -> Void = { _, _, _ in }
    ) throws(EvidenceWriteError) -> RunReport {
        // Which documents are evidence: computed once, for the lists, run.json and the heat map.
        let evidence = Ranker(options: options).documentEvidence(scoreSet)
        // Exports may start what needs only the scores while the ranking runs.
        beginning(evidence)
        let issues = EvidenceBuilder.build(
            scoreSet, options: options, releaseMemory: releaseMemory, evidence: evidence, adjustments: adjustments)
        // What the ranking built and dropped (fingerprints, candidate lists) goes back to the
        // system before the files are rendered.
        releaseMemory()
        var report = report
        report.issues = issues.map(\.count)
        report.ranking = options
        report.leftOutDocuments = RunLeftOutDocument.list(evidence, scoreSet: scoreSet)

        // The large renderings are independent: they run side by side, then the files
        // are written in their fixed order.
        let names = IssueFileNames(ids: issues.map(\.category.id))
        let pageReport = report
        let parts: [Result<[EvidenceFile], EvidenceWriteError>] = [
            RenderedPart.evidenceLines, .issueFiles, .workbook, .page,
        ].parallelMap { part in
            switch part {
            case .evidenceLines:
                return .success([
                    EvidenceFile(name: "evidence.jsonl", text: EvidenceRenderer.jsonl(issues)),
                    EvidenceFile(
                        name: EvidenceReferences.fileName,
                        text: EvidenceReferences.json(EvidenceReferences.items(issues, scoreSet: scoreSet))),
                ])
            case .workbook:
                do throws(WorkbookError) {
                    return .success([EvidenceFile(name: "evidence.xlsx", contents: try EvidenceWorkbook.xlsx(issues))])
                } catch {
                    return .failure(EvidenceWriteError(path: "evidence.xlsx", reason: error.reason))
                }
            case .issueFiles:
                let perIssue = issues.parallelMap { issue in
                    let base = names.baseName(for: issue.category.id)
                    return [
                        EvidenceFile(
                            name: base + ".md", text: EvidenceRenderer.markdown(issue: issue, options: options)),
                        EvidenceFile(name: base + ".csv", text: EvidenceRenderer.csv(issue.entries)),
                    ]
                }
                return .success(
                    perIssue.flatMap { $0 }
                        + [EvidenceFile(name: "all.csv", text: EvidenceRenderer.csv(issues.flatMap(\.entries)))])
            case .page:
                return .success([
                    EvidenceFile(
                        name: "index.html",
                        text: EvidencePage.html(
                            issues: issues, scoreSet: scoreSet, report: pageReport, options: options, links: links,
                            evidence: evidence))
                ])
            }
        }
        for part in parts {
            for file in try part.get() { try emit(file) }
        }
        try exporting(issues, evidence, report)
        var runJSON: Data
        do {
            runJSON = try JSONCoding.encode(report, pretty: true)
        } catch {
            throw EvidenceWriteError(path: "run.json", reason: "cannot encode the run report (\(error))")
        }
        runJSON.append(0x0A)
        try emit(EvidenceFile(name: "run.json", contents: runJSON))
        try emit(EvidenceFile(name: "run.md", text: RunSummaryRenderer.markdown(report)))
        return report
    }
}

/// The parts of the Evidence folder rendered side by side.
private enum RenderedPart: Sendable {
    case evidenceLines
    case issueFiles
    case workbook
    case page
}

/// File names for issues: the id itself when it is a plain name (letters, digits, `-`, `_`)
/// that no other Evidence file uses; otherwise a slug of it followed by a short hash. An id
/// that differs from an earlier one only by case also gets the hashed name, so that names stay
/// distinct on case-insensitive file systems.
struct IssueFileNames {
    static let reserved: Set<String> = ["all", "evidence", "run", "index"]
    private var names: [String: String] = [:]

    init(ids: [String]) {
        var used = Set<String>()
        for id in ids where names[id] == nil {
            var name = Self.name(for: id)
            if used.contains(name.lowercased()) { name = Self.hashedName(for: id) }
            used.insert(name.lowercased())
            names[id] = name
        }
    }

    func baseName(for id: String) -> String {
        names[id] ?? Self.name(for: id)
    }

    static func name(for id: String) -> String {
        let plain =
            !id.isEmpty && id.count <= 80 && !id.hasPrefix("-") && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            }
        return plain && !reserved.contains(id.lowercased()) ? id : hashedName(for: id)
    }

    static func hashedName(for id: String) -> String {
        let slug = Slug.make(id, maxLength: 40)
        let hash = SHA256.hex(of: Array(id.utf8)).prefix(8)
        return (slug.isEmpty ? "enjeu" : "enjeu-\(slug)") + "-\(hash)"
    }
}
