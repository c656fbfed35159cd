import ArgumentParser
import EnjeuxCommandLine
import EnjeuxEvidence
import EnjeuxPipeline
import EnjeuxSupport
import Foundation

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enjeux-rank",
        abstract: "Rank the scored passages per issue and write the evidence files.",
        discussion: """
            Reads scores.json (from enjeux-score) and writes the evidence folder: \
            evidence.jsonl, one Markdown and one CSV file per issue, all.csv, evidence.xlsx (the \
            same rows as a workbook), index.html (a self-contained page to browse and select the \
            passages), run.json and run.md, evidence.sqlite (docs/evidence-database.md) and, with \
            --extracted, enjeux.qdpx and enjeux.qdc (a REFI-QDA project for NVivo, ATLAS.ti, \
            MAXQDA, QualCoder and its codebook; docs/formats.md). The folder is \
            written beside the old one and swapped in at the end, so an interrupted run leaves \
            the previous evidence intact. With --extracted, the corpus folder is known: its \
            catalog.json (CSL-JSON) and catalog.csv override the documents' metadata in the \
            citations, and index.html links each passage to its source. See docs/evidence.md.

            With --summary FOLDER or --invalid-lexicon FOLDER, only prints the line a run of make \
            analyze ends with (in French, for the people who run it), from FOLDER/run.json.

            Exit status: 0 success; 64 usage error; 65 unreadable scores; 66 no scores; \
            73 cannot write; 75 another run is writing the same output folder.

            Example:
              enjeux-rank .enjeux/Corpus/scores.json --extracted .enjeux/Corpus/extracted --out Evidence
            """)

    @Argument(help: "The scores.json file written by enjeux-score.")
    var scores: String?

    @Option(name: .long, help: "Output folder for the evidence files.")
    var out: String?

    @Option(help: "The extraction folder: failures and warnings for run.json, and the corpus folder (catalog, links).")
    var extracted: String?

    @Option(help: "Passages shown per issue.")
    var top: Int = 50

    @Option(help: "Minimum score for a passage to be shown.")
    var threshold: Double = EvidenceOptions().scoreThreshold

    @Option(name: .customLong("per-document"), help: "Most passages of one document among the first 10 of an issue.")
    var perDocument: Int = 3

    @Option(
        name: .customLong("evidence-level"),
        help: "Mean score of a document's 3 best passages from which its passages are listed (0: every document).")
    var evidenceLevel: Double = EvidenceOptions().documentEvidenceLevel

    @Flag(name: .customLong("no-database"), help: "Do not write evidence.sqlite.")
    var noDatabase = false

    @Flag(name: .customLong("no-qda"), help: "Do not write the REFI-QDA project (enjeux.qdpx, enjeux.qdc).")
    var noQDA = false

    @Option(
        help: """
            The corpus's judgments file (judgments.jsonl): judged passages reorder their issue's list \
            (docs/learning.md). A missing file changes nothing.
            """)
    var judgments: String?

    @Option(
        name: .customLong("summary"),
        help: "Print the one-line summary of the run whose evidence is in FOLDER (from its run.json), and exit.")
    var summaryFolder: String?

    @Option(
        name: .customLong("invalid-lexicon"),
        help: """
            Print the line saying that the evidence in FOLDER, and the date of the run that wrote it, \
            is kept because the lexicon is invalid (what make analyze ends with then), and exit.
            """)
    var keptFolder: String?

    func validate() throws {
        if summaryFolder != nil || keptFolder != nil { return }
        guard scores != nil else { throw ValidationError("missing the scores.json file") }
        guard out != nil else { throw ValidationError("missing --out FOLDER") }
        guard top > 0 else { throw ValidationError("--top must be positive") }
        guard perDocument > 0 else { throw ValidationError("--per-document must be positive") }
    }

    func run() throws {
        ProcessMemory.useOneArena()
        let console = Console(program: "enjeux-rank")
        if let summaryFolder { printSummary(of: summaryFolder) }
        if let keptFolder { printKept(keptFolder) }
        guard let scores, let out else { return }
        RunLock.acquireOrExit(RunLock.file(besideFolder: URL(fileURLWithPath: out)), what: out, console: console)
        var options = EvidenceOptions()
        options.maximumPassages = top
        options.scoreThreshold = threshold
        options.perDocumentCap = perDocument
        options.documentEvidenceLevel = max(0, evidenceLevel)
        var stage = RankStage(
            scores: URL(fileURLWithPath: scores), extracted: extracted.map { URL(fileURLWithPath: $0) },
            output: URL(fileURLWithPath: out), options: options, judgments: judgments.map { URL(fileURLWithPath: $0) })
        stage.writesDatabase = !noDatabase
        stage.writesQDA = !noQDA
        let outcome: RankStage.Outcome
        do {
            outcome = try stage.run()
        } catch {
            console.fail(error)
        }
        let report = outcome.report
        for notice in outcome.notices { console.warning(notice) }
        // What this run of the stage did, beside the other stages' records (for benchmarks and
        // scripts; run.json keeps describing the run that wrote the evidence).
        try? StageStats(
            stage: "rank", seconds: outcome.seconds, processed: outcome.reused ? 0 : report.passages,
            reused: outcome.reused ? report.passages : 0
        ).write(work: URL(fileURLWithPath: scores).deletingLastPathComponent())
        let shown = report.issues.reduce(0) { $0 + $1.shown }
        let empty = report.issues.filter { $0.shown == 0 }.map(\.category)
        if outcome.reused {
            console.info(
                "scores, corpus and options unchanged, evidence kept as it was (\(out)), \(formatSeconds(outcome.seconds))"
            )
            return
        }
        console.info(
            "\(shown) passages ranked over \(report.issues.count) issues from \(report.documents) documents"
                + (report.failures.isEmpty ? "" : " (\(report.failures.count) failed)")
                + " → \(out)/evidence.jsonl, \(formatSeconds(outcome.seconds))")
        for export in outcome.exported {
            let size = String(format: "%.1f", Double(export.bytes) / 1_048_576)
            console.info(
                "\(export.fileName): \(([size + " MB"] + export.notes.prefix(1)).joined(separator: ", ")), "
                    + "written in \(String(format: "%.3f", export.seconds)) s")
            for note in export.notes.dropFirst() { console.warning("\(export.fileName): \(note)") }
        }
        if !empty.isEmpty { console.warning("no passage above the threshold for: \(empty.joined(separator: ", "))") }
        let learned = report.issues.compactMap { issue in issue.learning.map { "\(issue.category) \($0.judgments)" } }
        if !learned.isEmpty { console.info("learned from judgments: \(learned.joined(separator: ", "))") }
    }
}

extension RankCommand {
    /// Prints `enjeux: <summary>` on standard error, from the folder's run.json.
    fileprivate func printSummary(of folder: String) -> Never {
        let console = Console(program: "enjeux")
        let url = URL(fileURLWithPath: folder).appendingPathComponent("run.json")
        guard let report = try? JSONCoding.read(RunReport.self, from: url) else {
            console.fail(StageError("no readable run.json in \(folder)", status: .missingInput))
        }
        console.info(report.summaryLine(evidenceFolder: folder))
        console.exit(.success)
    }

    /// Prints `enjeux: Lexique invalide : …` on standard error: the evidence kept in the folder
    /// and the date of its run (from its run.json), or that there is none.
    fileprivate func printKept(_ folder: String) -> Never {
        let url = URL(fileURLWithPath: folder).appendingPathComponent("run.json")
        let previous = try? JSONCoding.read(RunReport.self, from: url)
        Console(program: "enjeux").info(RunReport.invalidLexiconLine(previous: previous, evidenceFolder: folder))
        Console(program: "enjeux").exit(.success)
    }
}

RankCommand.main()
