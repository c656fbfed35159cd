import EnjeuxModel
import Foundation

/// What an export of the evidence reads: the ranked lists and everything they were built from.
package struct EvidenceExportInput: Sendable {
    package var issues: [IssueEvidence]
    package var scoreSet: ScoreSet
    package var evidence: DocumentEvidence
    /// The run report as `run.json` has it (counts, options, lexicon, date).
    package var report: RunReport
    package var options: EvidenceOptions
    /// The new Evidence folder, being written: an export writes its file there under a
    /// temporary name and renames it when complete.
    package var folder: URL

    package init(
        issues: [IssueEvidence], scoreSet: ScoreSet, evidence: DocumentEvidence, report: RunReport,
        options: EvidenceOptions, folder: URL
    ) {
        self.issues = issues
        self.scoreSet = scoreSet
        self.evidence = evidence
        self.report = report
        self.options = options
        self.folder = folder
    }
}

/// What an export may start with before the ranking is done: the scores, which documents are
/// evidence, the options, the new folder.
package struct EvidenceExportEarlyInput: Sendable {
    package var scoreSet: ScoreSet
    package var evidence: DocumentEvidence
    package var options: EvidenceOptions
    package var folder: URL

    package init(scoreSet: ScoreSet, evidence: DocumentEvidence, options: EvidenceOptions, folder: URL) {
        self.scoreSet = scoreSet
        self.evidence = evidence
        self.options = options
        self.folder = folder
    }
}

extension EvidenceExportInput {
    package var early: EvidenceExportEarlyInput {
        EvidenceExportEarlyInput(scoreSet: scoreSet, evidence: evidence, options: options, folder: folder)
    }
}

/// What an export started early hands back to its `write` (a subclass of the export's own).
package class EvidenceExportHandle: @unchecked Sendable {}

/// A file of the Evidence folder written by its own writer (a database, an archive with the
/// source documents) rather than rendered in memory.
package protocol EvidenceExport: Sendable {
    /// Starts, on a thread of its own, the part of the work that needs only the scores, while
    /// the ranking runs; nil when there is none.
    func begin(_ early: EvidenceExportEarlyInput) -> EvidenceExportHandle?
    /// Writes its files into `input.folder`, each complete or not at all, finishing what
    /// `begin` started (`begun`); returns what the run's console lines say about them
    /// (`evidence.sqlite: 12345 rows, 3.1 MB, 0.08 s`).
    func write(_ input: EvidenceExportInput, begun: EvidenceExportHandle?) throws(EvidenceWriteError)
        -> [EvidenceExportOutcome]
}

/// What an export wrote.
package struct EvidenceExportOutcome: Sendable, Hashable {
    package var fileName: String
    package var bytes: Int
    package var seconds: Double
    /// Plain-English notes for the console (items left out and why).
    package var notes: [String]

    package init(fileName: String, bytes: Int, seconds: Double, notes: [String] = []) {
        self.fileName = fileName
        self.bytes = bytes
        self.seconds = seconds
        self.notes = notes
    }

    /// Seconds elapsed since `start`.
    package static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

extension EvidenceExport {
    package func begin(_ early: EvidenceExportEarlyInput) -> EvidenceExportHandle? { nil }

    /// Writes the files from start to end, on the calling thread.
    package func write(_ input: EvidenceExportInput) throws(EvidenceWriteError) -> [EvidenceExportOutcome] {
        try write(input, begun: nil)
    }

    /// Writes `fileName` through `body` into a temporary file beside the final one, then
    /// renames it into place: a reader never sees a half-written file. Returns its size.
    /// `begun` says the temporary file was already started (by `begin`) and is kept.
    package func writeAtomically(
        _ fileName: String, in folder: URL, begun: Bool = false, _ body: (URL) throws(EvidenceWriteError) -> Void
    ) throws(EvidenceWriteError) -> Int {
        let final = folder.appendingPathComponent(fileName)
        let partial = folder.appendingPathComponent(".\(fileName).part")
        if !begun { try? FileManager.default.removeItem(at: partial) }
        do {
            try body(partial)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
        guard rename(partial.path, final.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: partial)
            throw EvidenceWriteError(path: final.path, reason: "cannot rename the finished file into place (\(reason))")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: final.path)[.size] as? Int) ?? 0
        return size
    }
}
