import EnjeuxBrief
import EnjeuxCommandLine
import EnjeuxEvidence
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// Reading what a brief is made from: the Evidence folder and the selection file. Errors carry
/// the path and the exit status (missing input, invalid input).
enum BriefInputs {
    /// `evidence.jsonl`, `references.json` and, when there, `run.json` of an Evidence folder.
    static func evidence(in folder: URL) throws(StageError) -> BriefEvidence {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw StageError(
                "no evidence folder at \(folder.path): run make analyze first (or give --evidence FOLDER)",
                status: .missingInput)
        }
        let lines = folder.appendingPathComponent("evidence.jsonl")
        let references = folder.appendingPathComponent(EvidenceReferences.fileName)
        let lineBytes = try read(lines)
        let passages: [EvidencePassage]
        do {
            passages = try BriefEvidence.passages(jsonLines: lineBytes, file: lines.path)
        } catch {
            throw stageError(error)
        }
        guard FileManager.default.fileExists(atPath: references.path) else {
            throw StageError(
                "no \(references.path): the evidence was written by an earlier enjeux-rank; run make analyze again",
                status: .missingInput)
        }
        let referenceBytes = try read(references)
        let items: [CSLItem]
        do {
            items = try BriefEvidence.references(cslJSON: referenceBytes, file: references.path)
        } catch {
            throw stageError(error)
        }
        return BriefEvidence(issues: try issues(in: folder), passages: passages, references: items)
    }

    /// The run's issues in lexicon order (`run.json`), nil when the file is absent.
    private static func issues(in folder: URL) throws(StageError) -> [BriefIssue]? {
        let url = folder.appendingPathComponent("run.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let report = try JSONCoding.read(RunReport.self, from: url)
            return report.issues.map { BriefIssue(id: $0.category, label: $0.label) }
        } catch {
            throw StageError("\(url.path): not a run report (\(error))", status: .invalidInput)
        }
    }

    /// The ids of a selection file.
    static func selection(_ url: URL) throws(StageError) -> [SelectionFile.Line] {
        let bytes = try read(url)
        do {
            return try SelectionFile.parse(String(decoding: bytes, as: UTF8.self), file: url.path)
        } catch {
            throw stageError(error)
        }
    }

    static func read(_ url: URL) throws(StageError) -> [UInt8] {
        do {
            return try FileBytes.read(url)
        } catch {
            let missing = !FileManager.default.fileExists(atPath: url.path)
            throw StageError(error.description, status: missing ? .missingInput : .invalidInput)
        }
    }

    /// A brief error as a stage error with its exit status.
    static func stageError(_ error: BriefError) -> StageError {
        switch error.kind {
        case .missingInput: StageError(error.description, status: .missingInput)
        case .invalidInput: StageError(error.description, status: .invalidInput)
        case .usage: StageError(error.description, status: .usage)
        }
    }
}
