import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// The scores of a work folder's tokenized corpus under a given lexicon, for the tuning
/// tools: the folder's own `scores.json` when it was computed with that very lexicon file
/// content, otherwise a fresh scoring of the cached passages (no extraction, no
/// tokenization) into a temporary file.
package enum WorkScores {
    /// The corpus's scores with a lexicon held in memory (a one-term lexicon, an edited copy).
    package static func score(
        work: URL, lexicon: Lexicon, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: @escaping ProgressFactory = SilentProgress.factory
    ) throws(StageError) -> ScoreSet {
        let passages = work.appendingPathComponent("passages")
        guard let manifest = TokenizeManifest.load(from: passages) else {
            throw StageError(
                "no tokenized corpus in \(work.path) (expected \(passages.path)): run make analyze first",
                status: .missingInput)
        }
        let info = LexiconInfo(path: "", sha256: "", name: lexicon.name, version: lexicon.version)
        return try ScoreStage.scoreSet(
            passages: passages, manifest: manifest, lexicon: lexicon, info: info, jobs: jobs,
            progress: progress
        ).get()
    }

    /// The parsed lexicon and the corpus's scores with it.
    package static func load(
        work: URL, lexicon: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: @escaping ProgressFactory = SilentProgress.factory
    ) throws(StageError) -> (Lexicon, ScoreSet) {
        let (parsed, sha, _) = try LexiconFile.load(lexicon)
        let passages = work.appendingPathComponent("passages")
        guard TokenizeManifest.load(from: passages) != nil else {
            throw StageError(
                "no tokenized corpus in \(work.path) (expected \(passages.path)): run make analyze first",
                status: .missingInput)
        }
        let cached = work.appendingPathComponent("scores.json")
        if let stored = try? ScoreSet(jsonFile: cached), stored.lexicon.sha256 == sha {
            return (parsed, stored)
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("enjeux-lexicon-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StageError("cannot create \(folder.path): \(error.localizedDescription)", status: .cannotWrite)
        }
        let output = folder.appendingPathComponent("scores.json")
        var stage = ScoreStage(input: passages, lexicon: lexicon, output: output, jobs: jobs)
        stage.progress = progress
        _ = try stage.run()
        do {
            return (parsed, try ScoreSet(jsonFile: output))
        } catch {
            throw StageError("cannot read the scores just computed: \(error)", status: .cannotWrite)
        }
    }
}
