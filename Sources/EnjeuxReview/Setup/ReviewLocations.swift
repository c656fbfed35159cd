import EnjeuxEvidence
import EnjeuxJudgments
import EnjeuxPipeline
import EnjeuxSupport
import Foundation

/// The folders and files the workbench reads and writes: the Evidence folder of a run, the
/// corpus and the work folder recorded in its `run.json`, and, in the corpus folder, the
/// judgments file and the brief basket.
package struct ReviewLocations: Sendable, Hashable {
    package var evidence: URL
    package var corpus: URL
    package var work: URL
    package var judgments: URL
    package var basket: URL

    /// The basket's file name in the corpus folder.
    package static let basketName = "review-basket.json"

    package init(evidence: URL, corpus: URL, work: URL, judgments: URL? = nil) {
        self.evidence = evidence
        self.corpus = corpus
        self.work = work
        self.judgments = judgments ?? corpus.appendingPathComponent(JudgmentFile.defaultName)
        self.basket = corpus.appendingPathComponent(Self.basketName)
    }

    /// Finds the corpus and work folder from the run recorded in `evidence/run.json`; a report
    /// written before they were recorded falls back on `corpus` (default `Corpus`) and its work
    /// folder as `make analyze` names it. `corpus` and `work` given explicitly win.
    package static func find(evidence: URL, corpus: String? = nil, work: String? = nil) throws(ReviewError)
        -> ReviewLocations
    {
        let runFile = evidence.appendingPathComponent("run.json")
        guard FileManager.default.fileExists(atPath: runFile.path) else {
            throw ReviewError(
                path: runFile.path, reason: "no run report: run make analyze first (or give --evidence FOLDER)")
        }
        let report: RunReport
        do {
            report = try JSONCoding.read(RunReport.self, from: runFile)
        } catch {
            throw ReviewError(path: runFile.path, reason: "not a run report (\(error))")
        }
        let corpusPath = corpus ?? report.corpus ?? "Corpus"
        let workPath = work ?? report.work ?? WorkFolder.path(forCorpus: corpusPath)
        let locations = ReviewLocations(
            evidence: URL(fileURLWithPath: WorkFolder.absolutePath(of: evidence.path), isDirectory: true),
            corpus: URL(fileURLWithPath: WorkFolder.absolutePath(of: corpusPath), isDirectory: true),
            work: URL(fileURLWithPath: WorkFolder.absolutePath(of: workPath), isDirectory: true))
        for (folder, what) in [(locations.corpus, "corpus folder"), (locations.work, "work folder")] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw ReviewError(path: folder.path, reason: "\(what) of the run not found (give --corpus or --work)")
            }
        }
        return locations
    }
}
