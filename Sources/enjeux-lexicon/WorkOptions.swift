import ArgumentParser
import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxPipeline
import Foundation

/// The work folder and lexicon the tuning subcommands read.
struct WorkOptions: ParsableArguments {
    @Option(help: "The work folder of a run (with passages/ and scores.json).")
    var work: String = ".enjeux/Corpus"

    @Option(help: "The lexicon (YAML).")
    var lexicon: String = "Lexicons/enjeux.fr.yaml"

    /// The lexicon and the corpus's scores with it, rescoring the cached passages when needed.
    func scores(console: Console, lexicon path: String? = nil) throws(StageError) -> (Lexicon, ScoreSet) {
        let file = URL(fileURLWithPath: path ?? lexicon)
        return try WorkScores.load(work: URL(fileURLWithPath: work), lexicon: file, progress: ProgressBar.factory)
    }
}
