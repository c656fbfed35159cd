import ArgumentParser
import EnjeuxCommandLine
import EnjeuxEvaluation
import EnjeuxEvidence
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import EnjeuxTuning
import Foundation

/// `enjeux-lexicon evaluate`: nDCG@10, P@5, recall@20 and page accuracy per issue, and the
/// grade-2 quotes the ranking missed with the reason.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure ranked evidence against graded gold quotes.",
        discussion: """
            Reads the gold file (JSON Lines: source, category, grade, quote, page) and the \
            evidence folder's evidence.jsonl, and prints per issue nDCG@10, P@5, recall@20 of \
            grade-2 quotes and page accuracy on PDF quotes, then the means (page accuracy \
            pooled). Each grade-2 quote not in the top 20 is listed; with --work, also the \
            passage that holds it and the terms that matched it.
            """)

    @Option(help: "The gold file (JSON Lines).")
    var gold: String

    @Option(help: "The evidence folder written by enjeux-rank (or its evidence.jsonl).")
    var evidence: String

    @Option(help: "The work folder of the run (with passages/ and scores.json), to explain misses.")
    var work: String?

    @Option(help: "Also print the first N ranks of each issue with their gain (0 to hide).")
    var top: Int = 0

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let goldLines: [GoldLine]
        let entries: [RankedEntry]
        do {
            goldLines = try GoldFile.load(from: URL(fileURLWithPath: gold))
            entries = try EvidenceFile.load(from: URL(fileURLWithPath: evidence))
        } catch {
            let missing = error.line == 0 && error.message.hasPrefix("cannot read")
            console.fail(StageError(error.description, status: missing ? .missingInput : .invalidInput))
        }
        if let work {
            describeWork(work, console: console)
        } else if let run = try? JSONCoding.read(RunReport.self, from: runFile(of: evidence)),
            let date = ISODate.localMinute(run.startedAt)
        {
            console.info("evidence of the run of \(date) (\(evidence))")
        }
        var order: [String] = []
        for entry in entries where !order.contains(entry.category) { order.append(entry.category) }
        let summary = Evaluator(gold: goldLines).evaluate(entries, order: order)

        let explainer: MissExplainer?
        if let work {
            do {
                let workURL = URL(fileURLWithPath: work)
                let scores = try? ScoreSet(jsonFile: workURL.appendingPathComponent("scores.json"))
                explainer = MissExplainer(
                    documents: try PassageFiles.readAll(work: workURL), scores: scores, evidence: entries)
            } catch {
                console.fail(error)
            }
        } else {
            explainer = nil
        }
        print(EvaluationTable.render(summary), terminator: "")
        if top > 0 {
            print(RankingListing.render(summary, entries: entries, top: top), terminator: "")
        }
        let missed = summary.issues.flatMap(\.missed)
        if !missed.isEmpty {
            print("\nGrade-2 quotes not in the top 20 (\(missed.count)):")
            for line in missed {
                print(explainer?.explain(line) ?? MissExplainer.header(line))
            }
        }
    }

    /// The `run.json` beside the evidence (a folder, or its `evidence.jsonl`).
    private func runFile(of evidence: String) -> URL {
        var isFolder: ObjCBool = false
        let url = URL(fileURLWithPath: evidence)
        let folder =
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
            ? url : url.deletingLastPathComponent()
        return folder.appendingPathComponent("run.json")
    }
}
