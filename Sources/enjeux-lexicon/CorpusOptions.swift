import ArgumentParser
import EnjeuxCommandLine
import EnjeuxJudgments
import EnjeuxPipeline
import Foundation

/// The corpus, work folder, lexicon and judgments file the judgment subcommands read.
struct CorpusOptions: ParsableArguments {
    @Option(help: "The corpus folder (its work folder and judgments file are found from it).")
    var corpus: String?

    @Option(
        help: """
            The work folder of a run (with passages/ and scores.json); by default the one make analyze \
            (or make evaluate) used for --corpus, or for Corpus/.
            """)
    var work: String?

    @Option(help: "The lexicon (YAML).")
    var lexicon: String = "Lexicons/enjeux.fr.yaml"

    @Option(help: "The judgments file; by default judgments.jsonl in the corpus folder.")
    var judgments: String?

    /// The work folder: `--work`, else make analyze's for the corpus, else make evaluate's.
    var workFolder: String {
        if let work { return work }
        let corpus = corpus ?? "Corpus"
        let analyzed = WorkFolder.path(forCorpus: corpus)
        let evaluated = WorkFolder.path(forCorpus: corpus, root: WorkFolder.defaultRoot + "/evaluate") + "/work"
        let hasPassages = { (folder: String) in
            FileManager.default.fileExists(atPath: folder + "/passages")
        }
        return !hasPassages(analyzed) && hasPassages(evaluated) ? evaluated : analyzed
    }

    /// The corpus folder: `--corpus`, else the one the work folder records, else `Corpus`.
    var corpusFolder: String {
        corpus ?? WorkRecord.load(work: URL(fileURLWithPath: workFolder))?.corpus ?? "Corpus"
    }

    /// The judgments file: `--judgments`, else `judgments.jsonl` in the corpus folder.
    var judgmentsFile: URL {
        judgments.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: corpusFolder, isDirectory: true).appendingPathComponent(JudgmentFile.defaultName)
    }

    /// Reads the judgments file, saying on stderr which lines were skipped and why.
    func readJudgments(console: Console) throws(StageError) -> JudgmentLog {
        let reading: JudgmentReading
        do {
            reading = try JudgmentFile.read(judgmentsFile)
        } catch {
            throw StageError(error.description, status: .invalidInput)
        }
        for problem in reading.skipped { console.warning(problem.description) }
        return JudgmentLog(reading.judgments)
    }
}
