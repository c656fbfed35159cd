import ArgumentParser
import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxPipeline
import Foundation

/// The work folder and lexicon the tuning subcommands read.
struct WorkOptions: ParsableArguments {
    @Option(
        help: """
            The work folder of a run (with passages/ and scores.json); by default the one make analyze \
            uses for Corpus/ (.enjeux/Corpus-<hash of its path>; make -s work-folder CORPUS=… prints another's).
            """)
    var work: String = WorkFolder.forDefaultCorpus

    @Option(help: "The lexicon (YAML).")
    var lexicon: String = "Lexicons/enjeux.fr.yaml"

    /// The lexicon and the corpus's scores with it, rescoring the cached passages when needed.
    func scores(console: Console, lexicon path: String? = nil) throws(StageError) -> (Lexicon, ScoreSet) {
        let file = URL(fileURLWithPath: path ?? lexicon)
        describeWork(work, console: console)
        return try WorkScores.load(work: URL(fileURLWithPath: work), lexicon: file, progress: ProgressBar.factory)
    }
}

/// Says on stderr which corpus and run a work folder holds (`enjeux-lexicon: corpus
/// /home/marie/Corpus, run of 2026-12-07 09:12 (work folder .enjeux/Corpus-3f9a1c2b)`), so that
/// the figures that follow are not taken for another corpus's; nothing when the folder has
/// no record (the command then fails on the missing corpus itself).
func describeWork(_ work: String, console: Console) {
    guard let record = WorkRecord.load(work: URL(fileURLWithPath: work)) else { return }
    console.info(record.description(work: work))
}
