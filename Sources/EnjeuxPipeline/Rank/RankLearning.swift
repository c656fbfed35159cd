import EnjeuxEvidence
import EnjeuxJudgments
import EnjeuxLearning
import EnjeuxModel
import Foundation

/// The rank stage's use of the corpus's judgments: read the file, attach the judgments to
/// the scored passages, learn each judged issue's order (docs/learning.md).
enum RankLearning {
    struct Outcome {
        var adjustments: [String: RankingAdjustment] = [:]
        /// What `run.json` and `run.md` say about the judgments; nil without a file.
        var record: RunJudgments?
        var notices: [String] = []
        /// The judgments attached to a passage of this run, by its current id, for the exports
        /// (`evidence.sqlite`, `enjeux.qdpx`).
        var exported: [EvidenceJudgment] = []
    }

    static func adjustments(_ file: URL?, scoreSet: ScoreSet, options: EvidenceOptions) -> Outcome {
        guard let file, FileManager.default.fileExists(atPath: file.path) else { return Outcome() }
        let reading: JudgmentReading
        do {
            reading = try JudgmentFile.read(file)
        } catch {
            let notice = "judgments not used: \(error.description)"
            return Outcome(
                record: RunJudgments(file: file.path, inForce: 0, attached: 0, missing: [], skippedLines: [notice]),
                notices: [notice])
        }
        let log = JudgmentLog(reading.judgments)
        let learned = CorpusLearning.adjustments(scoreSet, log: log, ranker: Ranker(options: options))
        let missing = learned.judgments.missing.map {
            RunMissingJudgment(source: $0.source, category: $0.category, grade: $0.grade, quote: $0.quote)
        }
        var notices = reading.skipped.map(\.description)
        if !missing.isEmpty {
            notices.append(
                "\(missing.count) judgment(s) whose passage was not found (document changed or removed, or passage "
                    + "below the threshold): listed in run.md")
        }
        return Outcome(
            adjustments: learned.adjustments,
            record: RunJudgments(
                file: file.path, inForce: log.current.count, attached: learned.judgments.attached.count,
                missing: missing, skippedLines: reading.skipped.map(\.description)),
            notices: notices,
            exported: learned.judgments.attached.compactMap { judgment, attachment in
                attachment.passageId.map {
                    EvidenceJudgment(
                        passageId: $0, source: judgment.source, issue: judgment.category, grade: judgment.grade,
                        judge: judgment.judge, time: judgment.time, note: judgment.note)
                }
            })
    }
}
