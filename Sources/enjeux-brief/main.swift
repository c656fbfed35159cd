import ArgumentParser
import EnjeuxBrief
import EnjeuxCommandLine
import EnjeuxPipeline
import Foundation

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enjeux-brief",
        abstract: "Write a brief quoting chosen passages of the evidence, as DOCX and ODT, with its bibliography.",
        discussion: """
            Reads the evidence of a run (evidence.jsonl, references.json, run.json) and writes \
            into the output folder: brief.md (pandoc Markdown: a heading per issue, each passage \
            as a block quote exactly as in its document followed by its citation with the page, \
            and the references), brief.json (the bibliography as CSL-JSON, for Zotero), and, \
            through pandoc with citeproc, brief.docx and brief.odt. Citations follow APA 7th \
            edition with the fr-CA locale unless --csl names another style. The passages are \
            those of a selection file (passage ids one per line, as copied from the report; \
            blank lines and # comments ignored) or the first N of each issue (--top). See \
            docs/brief.md.

            Needs Debian's pandoc and citation-style-language-styles \
            (sudo apt-get install pandoc citation-style-language-styles); without them the \
            Markdown and the CSL-JSON are still written.

            Exit status: 0 success; 64 usage error (or an unknown --issue); 65 invalid evidence \
            or selection (an unknown passage id); 66 missing evidence, selection, style or \
            template; 69 pandoc or the CSL style missing, or pandoc failed (brief.md and \
            brief.json written); 73 cannot write.

            Examples:
              enjeux-brief --selection choix.txt --title "Autonomie professionnelle et Lean"
              enjeux-brief --top 3 --issue autonomie --issue optimisation --title "Note au comité"
            """)

    @Option(help: "The evidence folder written by enjeux-rank.")
    var evidence = "Evidence"

    @Option(help: "A file of passage ids, one per line, as copied from the report (# starts a comment).")
    var selection: String?

    @Option(help: "Quote the first N passages of each issue.")
    var top: Int?

    @Option(name: .customLong("issue"), help: "With --top, an issue to quote (repeatable; default every issue).")
    var issues: [String] = []

    @Option(help: "The brief's title.")
    var title = "Extraits de la documentation"

    @Option(help: "The date printed under the title (default: today, as 23 novembre 2026).")
    var date: String?

    @Option(name: .long, help: "Output folder.")
    var out = "Brief"

    @Option(help: "Base name of the files written (NAME.md, NAME.json, NAME.docx, NAME.odt).")
    var name = "brief"

    @Option(help: "A CSL style file, or the name of a style in /usr/share/citation-style-language/styles.")
    var csl: String?

    @Option(
        name: .customLong("reference-doc"),
        help: "A .docx or .odt house template whose styles the brief takes (repeatable: one of each).")
    var referenceDocuments: [String] = []

    @Option(help: "The pandoc executable (default: pandoc on PATH).")
    var pandoc: String?

    @Option(help: "Seconds allowed to pandoc per document.")
    var timeout: Double = 120

    func validate() throws {
        switch (selection, top) {
        case (nil, nil): throw ValidationError("give --selection FILE or --top N")
        case (.some, .some): throw ValidationError("give --selection FILE or --top N, not both")
        case (nil, .some(let count)): guard count > 0 else { throw ValidationError("--top must be positive") }
        case (.some, nil): guard issues.isEmpty else { throw ValidationError("--issue goes with --top") }
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard !name.isEmpty, !name.contains("/") else { throw ValidationError("--name must be a file name") }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--title is empty") }
    }

    func run() throws {
        let console = Console(program: "enjeux-brief")
        let choice: BriefStage.Choice =
            if let selection { .selection(URL(fileURLWithPath: selection)) } else { .top(top ?? 1, issues: issues) }
        let stage = BriefStage(
            evidence: URL(fileURLWithPath: evidence), choice: choice, title: title, date: date ?? Self.today(),
            output: URL(fileURLWithPath: out), name: name, style: csl,
            referenceDocuments: referenceDocuments.map { URL(fileURLWithPath: $0) }, pandoc: pandoc,
            timeoutSeconds: timeout)
        let outcome: BriefStage.Outcome
        do {
            outcome = try stage.run()
        } catch {
            console.fail(error)
        }
        report(outcome, console: console)
    }

    private func report(_ outcome: BriefStage.Outcome, console: Console) {
        let brief = outcome.brief
        let quotes = brief.quotes
        console.info(
            "\(quotes.count) passage\(quotes.count == 1 ? "" : "s") from \(brief.references.count) "
                + "document\(brief.references.count == 1 ? "" : "s") under \(brief.sections.count) "
                + "issue\(brief.sections.count == 1 ? "" : "s") → \(outcome.markdown.path), \(outcome.bibliography.path)"
                + outcome.documents.map { ", " + $0.path }.joined())
        var flagged = Set<String>()
        for quote in quotes where quote.passage.citationNeedsCheck && flagged.insert(quote.passage.source).inserted {
            console.warning("check this citation before use (« à vérifier »): \(quote.passage.source)")
        }
        let quoted = Set(brief.sections.map(\.issue.id))
        let empty = issues.filter { !quoted.contains($0) }
        if !empty.isEmpty { console.warning("no passage to quote for: \(empty.joined(separator: ", "))") }
        for warning in outcome.warnings { console.warning("pandoc: \(warning)") }
        guard let problem = outcome.problem else { return }
        let install = "install it with: sudo apt-get install pandoc citation-style-language-styles"
        switch problem {
        case .pandocMissing:
            console.error(
                (pandoc.map { "no pandoc at \($0)" } ?? "pandoc is not installed")
                    + ": wrote the Markdown and the CSL-JSON but no DOCX or ODT; \(install)")
        case .styleMissing(let path):
            console.error(
                "the CSL style \(path) is missing: wrote the Markdown and the CSL-JSON but no DOCX or ODT; "
                    + "install it with: sudo apt-get install citation-style-language-styles (or give --csl FILE)")
        case .failed(let format, let message):
            console.error("pandoc could not write the \(format.rawValue.uppercased()) file: \(message)")
        case .timedOut(let format, let seconds):
            let limit = String(format: "%g", seconds)
            console.error("pandoc did not write the \(format.rawValue.uppercased()) file within \(limit) s (--timeout)")
        }
        console.exit(.unavailable)
    }

    /// Today in the local time zone, as French writes it.
    private static func today() -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return FrenchDate.long(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? ""
    }
}

BriefCommand.main()
