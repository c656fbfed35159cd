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

/// A file of the Evidence folder written by its own writer (a database, an archive with the
/// source documents) rather than rendered in memory.
package protocol EvidenceExport: Sendable {
    /// Writes its files into `input.folder`, each complete or not at all; returns what the
    /// run's console lines say about them (`evidence.sqlite: 12345 rows, 3.1 MB, 0.08 s`).
    func write(_ input: EvidenceExportInput) throws(EvidenceWriteError) -> [EvidenceExportOutcome]
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
    /// Writes `fileName` through `body` into a temporary file beside the final one, then
    /// renames it into place: a reader never sees a half-written file. Returns its size.
    package func writeAtomically(
        _ fileName: String, in folder: URL, _ body: (URL) throws(EvidenceWriteError) -> Void
    ) throws(EvidenceWriteError) -> Int {
        let final = folder.appendingPathComponent(fileName)
        let partial = folder.appendingPathComponent(".\(fileName).part")
        try? FileManager.default.removeItem(at: partial)
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
