import ArgumentParser
import EnjeuxCommandLine
import EnjeuxEvidence
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import EnjeuxTuning
import Foundation

/// `enjeux-lexicon suggest ISSUE`: words and phrases the issue's top passages use much more
/// than the rest of the corpus, not yet in the lexicon.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose terms for an issue: words and 2–3-word phrases over-represented in its top passages.",
        discussion: """
            Ranks the corpus with the lexicon as enjeux-rank does, takes the issue's first \
            --from passages, and compares the words and phrases they use with the rest of the \
            corpus (Dunning's log-likelihood, by stems so that inflections add up). Phrases \
            do not cross punctuation nor start or end with a function word; candidates the \
            lexicon already matches are left out. Each comes with its counts and an example.

            Example:
              enjeux-lexicon suggest autonomie --top 20
            """)

    @Argument(help: "The issue id, as in the lexicon.")
    var issue: String

    @OptionGroup var workOptions: WorkOptions

    @Option(help: "How many top passages of the issue to learn from.")
    var from: Int = 50

    @Option(help: "Number of suggestions.")
    var top: Int = 20

    func validate() throws {
        guard from > 0, top > 0 else { throw ValidationError("--from and --top must be positive") }
    }

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let suggestions: [Suggestion]
        describeWork(workOptions.work, console: console)
        do {
            suggestions = try Self.suggest(issue: issue, options: workOptions, from: from, limit: top)
        } catch {
            console.fail(error)
        }
        var table = TextTable(
            header: ["", "suggestion", "top passages", "corpus", "keyness", "example"],
            rightAligned: [true, false, true, true, true, false])
        for (index, suggestion) in suggestions.enumerated() {
            table.rows.append([
                "\(index + 1)", suggestion.text, "\(suggestion.inTop)", "\(suggestion.inCorpus)",
                String(format: "%.1f", suggestion.keyness),
                "\(suggestion.source), p. \(suggestion.page): \(suggestion.example)",
            ])
        }
        print(table.render(), terminator: "")
        if suggestions.isEmpty {
            console.info("no candidate: the issue's top passages use no word markedly more than the corpus")
        }
    }

    /// Reads the work folder's scores and passages, and asks `SuggestionSearch`.
    static func suggest(issue: String, options: WorkOptions, from: Int, limit: Int) throws(StageError) -> [Suggestion] {
        let work = URL(fileURLWithPath: options.work)
        let (lexicon, scores) = try WorkScores.load(
            work: work, lexicon: URL(fileURLWithPath: options.lexicon), progress: ProgressBar.factory)
        let passages = work.appendingPathComponent("passages")
        guard let manifest = TokenizeManifest.load(from: passages) else {
            throw StageError("no tokenized corpus in \(work.path)", status: .missingInput)
        }
        let entries = Dictionary(manifest.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let progress = ProgressBar(label: "counting the corpus", total: manifest.entries.count)
        defer { progress.finish() }
        do {
            return try SuggestionSearch(lexicon: lexicon, scores: scores, topPassages: from).suggest(
                issue: issue, limit: limit, documents: manifest.entries.map { ($0.id, $0.source) },
                read: { id, restart, body in
                    guard let entry = entries[id] else { return }
                    _ = try PassageFiles.read(entry, in: passages, restart: restart, eachPassage: body)
                }, advance: { progress.advance() })
        } catch let error as SuggestionSearch.UnknownIssue {
            let known = error.known.joined(separator: ", ")
            throw StageError("no issue \(error.issue) in the lexicon (issues: \(known))", status: .usage)
        } catch let error as StageError {
            throw error
        } catch {
            throw StageError("\(error)", status: .invalidInput)
        }
    }
}
