import EnjeuxCommandLine
import EnjeuxEvidence
import EnjeuxModel
import Foundation

/// Stage 4: ranks the scored passages per issue and writes the evidence folder.
package struct RankStage: Sendable {
    package var scores: URL
    /// The extraction folder, for failures and warnings (optional).
    package var extracted: URL?
    package var output: URL
    package var options: EvidenceOptions
    /// The corpus's judgments file, when the lists learn from it (nil: learning off). A
    /// missing file holds no judgments and changes nothing.
    package var judgments: URL?

    /// Whether `evidence.sqlite` is written.
    package var writesDatabase = true
    /// Whether `enjeux.qdpx` and `enjeux.qdc` are written (they also need `extracted`).
    package var writesQDA = true
    /// Bytes of passages' texts and matches held in memory; past them, they wait in a
    /// temporary file (`PassageSpool`). The result is the same either way. None by default:
    /// reading a text back costs little (the 1,000 documents of `make bench` rank in about
    /// the same time) and each megabyte held here counts on a 200 MB web page.
    package var passageMemoryBudget = 0

    package init(scores: URL, extracted: URL?, output: URL, options: EvidenceOptions, judgments: URL? = nil) {
        self.scores = scores
        self.extracted = extracted
        self.output = output
        self.options = options
        self.judgments = judgments
    }

    package struct Outcome: Sendable {
        /// The report of the run that wrote the evidence (an earlier one when `reused`).
        package var report: RunReport
        package var seconds: Double
        /// True when nothing the evidence depends on changed and the folder was kept as it was.
        package var reused: Bool = false
        /// Problems to tell the user that did not stop the stage (judgments not found, lines
        /// of the judgments file skipped).
        package var notices: [String] = []
        /// What the database and the REFI-QDA export wrote (empty when `reused`).
        package var exported: [EvidenceExportOutcome] = []
    }

    package func run(startedAt: Date = Date()) throws(StageError) -> Outcome {
        let clock = Stopwatch()
        let fingerprint = RankInputs(stage: self).fingerprint()
        if let fingerprint,
            let report = RankInputs.unchangedEvidence(in: output, scores: scores, fingerprint: fingerprint)
        {
            return Outcome(report: report, seconds: clock.seconds, reused: true)
        }
        let storedScores: ScoreSet
        let passagesScored: Int
        // The database's passages are written while the scores are read.
        let stream = writesDatabase ? EvidenceDatabaseStream(besideOutput: output) : nil
        // The kept passages' texts and matches wait in a temporary file (past a budget, none
        // by default): the ranking reads each text once and shows a few hundred passages whole.
        let spool = PassageSpool(memoryBudget: passageMemoryBudget)
        do {
            // Only what can be shown is kept: a passage's scores above the threshold (the
            // ranking and the heat map look at nothing else); a passage with none is dropped.
            let threshold = options.scoreThreshold
            (storedScores, passagesScored) = try ScoreSet.read(
                jsonFile: scores, beforePassages: { stream?.start(documents: $0) },
                keeping: { passage in
                    passage.scores.removeAll { !($0.score.isFinite && $0.score > threshold) }
                    guard !passage.scores.isEmpty else { return false }
                    stream?.add(passage)
                    spool.hold(&passage)
                    return true
                })
        } catch {
            if !FileManager.default.fileExists(atPath: scores.path) {
                throw StageError("no scores at \(scores.path): run enjeux-score first", status: .missingInput)
            }
            throw StageError("cannot read \(scores.path): \(error)", status: .invalidInput)
        }
        let manifest = extracted.flatMap { ExtractionManifest.load(from: $0) }
        // The corpus catalog overrides the documents' own metadata before anything is cited.
        let corpus = manifest.map { URL(fileURLWithPath: $0.corpus, isDirectory: true) }
        let catalog = corpus.map(Catalog.load(corpus:)) ?? Catalog()
        let catalogued = catalog.applied(to: storedScores)
        let scoreSet = catalogued.scoreSet
        let catalogWarnings = (catalog.warnings + catalogued.warnings).map(\.runWarning)
        let links = corpus.map { SourceLinks(evidence: output, corpus: $0) } ?? SourceLinks()
        let work = scores.deletingLastPathComponent()
        var stages: [StageTiming] = ["extract", "tokenize", "score"].compactMap { name in
            StageStats.load(work: work, stage: name).map {
                StageTiming(stage: name, seconds: $0.seconds, processed: $0.processed, reused: $0.reused)
            }
        }
        let failures = manifest?.entries.compactMap(\.failure) ?? []
        let warnings =
            manifest?.entries.flatMap { entry in entry.warnings.map { RunWarning(path: entry.source, warning: $0) } }
            ?? scoreSet.documents.flatMap { document in
                document.warnings.map { RunWarning(path: document.source, warning: $0) }
            }
        let allWarnings = catalogWarnings + warnings
        let documentCount = manifest?.entries.count ?? scoreSet.documents.count
        stages.append(StageTiming(stage: "rank", seconds: 0, processed: passagesScored, reused: 0))
        var report = RunReport(
            startedAt: Self.timestamp(startedAt), documents: documentCount,
            pages: scoreSet.documents.reduce(0) { $0 + $1.pageCount },
            passages: scoreSet.documents.reduce(0) { $0 + $1.passageCount }, failures: failures,
            warnings: allWarnings, ignoredFolders: manifest?.ignoredFolders ?? [],
            ignoredFiles: manifest?.ignoredFiles ?? [], lexicon: scoreSet.lexicon,
            stages: stages)
        let learning = RankLearning.adjustments(judgments, scoreSet: scoreSet, options: options)
        report.judgments = learning.record
        report.followedLinks = manifest?.followedLinks ?? []
        report.corpus = manifest.map { WorkFolder.absolutePath(of: $0.corpus) }
        report.work = WorkFolder.absolutePath(of: work.path)
        report.stages[report.stages.count - 1].seconds = Self.rounded(clock.seconds)
        // evidence.sqlite always; enjeux.qdpx when the extracted texts are there to be its sources.
        var exports: [any EvidenceExport] =
            writesDatabase ? [EvidenceDatabase(judgments: learning.exported, stream: stream)] : []
        if let extracted, writesQDA {
            exports.append(
                QDAExport(
                    sources: ExtractedSources(extracted: extracted, corpus: corpus), judgments: learning.exported,
                    cache: QDASourceCache(folder: work.appendingPathComponent(Self.qdaSourcesFolder))))
        }
        let exported: [EvidenceExportOutcome]
        do {
            (report, exported) = try EvidenceWriter.write(
                scoreSet: scoreSet, report: report, options: options, links: links,
                adjustments: learning.adjustments, releaseMemory: ProcessMemory.releaseFreedMemory,
                exports: exports, spool: spool, to: output)
        } catch {
            throw StageError("cannot write the evidence: \(error.description)", status: .cannotWrite)
        }
        if let fingerprint { RankInputs.remember(fingerprint, for: output, scores: scores) }
        return Outcome(report: report, seconds: clock.seconds, notices: learning.notices, exported: exported)
    }

    /// The work folder's copy of the REFI-QDA project's sources, reused while the documents
    /// do not change (`docs/formats.md`).
    package static let qdaSourcesFolder = "qda-sources"

    private static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }

    /// ISO 8601 in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
