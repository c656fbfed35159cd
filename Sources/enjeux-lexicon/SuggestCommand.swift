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

    /// Reads the work folder and computes the suggestions.
    static func suggest(issue: String, options: WorkOptions, from: Int, limit: Int) throws(StageError) -> [Suggestion] {
        let work = URL(fileURLWithPath: options.work)
        let (lexicon, scores) = try WorkScores.load(
            work: work, lexicon: URL(fileURLWithPath: options.lexicon), showsProgress: true)
        guard scores.categories.contains(where: { $0.id == issue }) else {
            let known = scores.categories.map(\.id).joined(separator: ", ")
            throw StageError("no issue \(issue) in the lexicon (issues: \(known))", status: .usage)
        }
        var rankOptions = EvidenceOptions()
        rankOptions.maximumPassages = from
        let ranked = Ranker(options: rankOptions).rank(scores).first { $0.category.id == issue }?.passages ?? []
        // The top passages by document, with the offsets of every match the lexicon made in them.
        var targets: [String: [String: [Range<Int>]]] = [:]
        for shown in ranked {
            let spans = shown.passage.scores.flatMap { $0.matches.map { $0.start..<$0.end } }
            targets[shown.passage.documentId, default: [:]][shown.passage.passageId] = spans
        }

        let passages = work.appendingPathComponent("passages")
        guard let manifest = TokenizeManifest.load(from: passages) else {
            throw StageError("no tokenized corpus in \(work.path)", status: .missingInput)
        }
        let finder = SuggestionFinder(lexicon: lexicon)
        var counts = SuggestionFinder.Counts()
        for entry in manifest.entries {
            guard let wanted = targets[entry.id] else { continue }
            let before = counts
            try read(
                entry, in: passages, restart: { counts = before },
                body: { passage, columns, table in
                    if let matched = wanted[passage.id] {
                        finder.countTop(
                            passage, columns: columns, table: table, source: entry.source, matched: matched,
                            into: &counts)
                    }
                })
        }
        let top = counts
        let progress = ProgressBar(label: "counting the corpus", total: manifest.entries.count)
        defer { progress.finish() }
        let parts = manifest.entries.parallelMap { entry in
            defer { progress.advance() }
            var part = top
            var flags = SuggestionFinder.FormFlags()
            let result = Result { () throws(StageError) in
                try read(
                    entry, in: passages, restart: { (part, flags) = (top, .init()) },
                    body: { _, columns, table in
                        finder.update(&flags, table: table, counts: top)
                        finder.countCorpus(columns, table: table, flags: flags, into: &part)
                    })
            }
            return result.map { part }
        }
        var total = counts
        for part in parts {
            SuggestionFinder.merge(try part.get(), into: &total)
        }
        return finder.suggestions(total, limit: limit)
    }

    private static func read(
        _ entry: TokenizeManifest.Entry, in folder: URL, restart: () -> Void,
        body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws(StageError) {
        _ = try PassageFiles.read(entry, in: folder, restart: restart, eachPassage: body)
    }
}
