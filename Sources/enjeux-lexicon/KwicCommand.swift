import ArgumentParser
import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxPipeline
import EnjeuxSupport
import EnjeuxTuning
import Foundation

/// `enjeux-lexicon kwic TERM`: every occurrence of a term in the corpus, in context.
struct KwicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic",
        abstract:
            "Keyword in context: every occurrence of a term (lexicon syntax) or lexicon entry, with its source and page.",
        discussion: """
            The term is written as in a lexicon (autonom*, "=GMF", jugement NEAR/3 clinique, …) \
            and matched with the lexicon's normalisation; --entry ISSUE:TERM takes an entry of \
            the lexicon as it is, with its issue's exclusions. Works from the tokenized corpus \
            of the work folder.

            Examples:
              enjeux-lexicon kwic "autonom*" --sort right
              enjeux-lexicon kwic --entry "autonomie:jugement clinique" --html kwic.html
            """)

    @Argument(help: "The term, in lexicon syntax.")
    var term: String?

    @Option(help: "A lexicon entry, ISSUE:TERM as written in the lexicon.")
    var entry: String?

    @OptionGroup var workOptions: WorkOptions

    @Option(help: "Characters of context on each side.")
    var width: Int = 40

    @Option(help: "Order of the lines: source, left or right (context).")
    var sort: String = "source"

    @Option(help: "Also write the lines as CSV to this file.")
    var csv: String?

    @Option(help: "Also write the lines as an HTML page to this file.")
    var html: String?

    func validate() throws {
        guard (term == nil) != (entry == nil) else { throw ValidationError("give either a TERM or --entry ISSUE:TERM") }
        guard width > 0 else { throw ValidationError("--width must be positive") }
        guard Concordance.Order(rawValue: sort) != nil else { throw ValidationError("--sort is source, left or right") }
    }

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let lines: [ConcordanceLine]
        describeWork(workOptions.work, console: console)
        do {
            let (base, _, _) = try LexiconFile.load(URL(fileURLWithPath: workOptions.lexicon))
            let lexicon = try Self.lexicon(term: term, entry: entry, base: base)
            let scores = try WorkScores.score(
                work: URL(fileURLWithPath: workOptions.work), lexicon: lexicon, progress: ProgressBar.factory)
            lines = Concordance.lines(scores, width: width, order: Concordance.Order(rawValue: sort) ?? .source)
        } catch {
            console.fail(error)
        }
        print(Concordance.text(lines, width: width), terminator: "")
        console.info("\(lines.count) occurrence\(lines.count == 1 ? "" : "s")")
        let label = term ?? entry ?? ""
        for (path, contents) in [(csv, Concordance.csv(lines)), (html, Concordance.html(lines, term: label))] {
            guard let path else { continue }
            do {
                try AtomicFile.write(contents, to: URL(fileURLWithPath: path))
            } catch {
                console.fail(StageError("cannot write \(path): \(error.localizedDescription)", status: .cannotWrite))
            }
        }
    }

    /// The one-term lexicon for a TERM or an --entry.
    static func lexicon(term: String?, entry: String?, base: Lexicon) throws(StageError) -> Lexicon {
        do {
            if let term { return try ConcordanceLexicon.term(term, base: base) }
            return try ConcordanceLexicon.entry(entry ?? "", base: base)
        } catch {
            throw StageError(error.description, status: .usage)
        }
    }
}
