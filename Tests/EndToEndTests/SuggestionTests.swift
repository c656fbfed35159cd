import EnjeuxLexicon
import EnjeuxModel
import EnjeuxTestSupport
import EnjeuxText
import EnjeuxTuning
import Foundation
import Testing

/// `enjeux-lexicon suggest` finds terms taken out of the lexicon again.
///
/// The protocol, fixed in advance: the first issue of the default lexicon; its plain terms
/// (words, phrases and globs, no NEAR or alternatives) that match in the sample corpus,
/// ordered by their share of the issue's score; every other one of them removed (the 1st,
/// 3rd, …). A removed term counts as proposed when it matches one of the first 20
/// suggestions (as the lexicon would match it in a text). The protocol was fixed on the PDF
/// and web documents of the sample corpus; the Word and OpenDocument notes added later
/// (`Corpus/notes/`) change which terms are removed and are left out, so that the measure
/// stays comparable from one version to the next.
@Suite(.serialized) struct SuggestionTests {
    @Test func proposesAtLeastHalfOfTheRemovedTerms() throws {
        let scratch = try LexiconToolsTests.analyzedCorpus(excluding: ["notes"])
        let work = scratch.path("work").path
        let lexiconURL = LexiconToolsTests.lexicon
        let base = try Lexicon.parse(yaml: String(contentsOf: lexiconURL, encoding: .utf8), file: lexiconURL.path)
        let issue = try #require(base.categories.first)

        let stats = try StageRunner.run(
            "lexicon", ["stats", "--work", work, "--lexicon", lexiconURL.path, "--csv", scratch.path("stats.csv").path])
        #expect(stats.status == 0)
        let rows = try String(contentsOf: scratch.path("stats.csv"), encoding: .utf8)
            .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let plain = rows.filter { row in
            row.count >= 9 && row[0] == Substring(issue.id) && Int(row[5]) ?? 0 > 0
                && !row[2].contains("NEAR") && !row[2].contains("|") && !row[2].contains("(")
                && !row[2].contains("=") && !row[2].contains("[") && !row[2].contains("\"")
        }.sorted { (Double($0[7]) ?? 0) > (Double($1[7]) ?? 0) }
        let removed = plain.enumerated().filter { $0.offset % 2 == 0 }.map { String($0.element[2]) }
        #expect(removed.count >= 3)

        // The lexicon without them: the issue's term lines naming them are left out.
        let text = try String(contentsOf: lexiconURL, encoding: .utf8)
        var lines: [Substring] = []
        var inIssue = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  ") && !line.hasPrefix("   ") { inIssue = line == "  \(issue.id):" }
            let names = removed.contains { line.contains("term: \($0),") || line.contains("term: \"\($0)\",") }
            if inIssue && names { continue }
            lines.append(line)
        }
        let reducedURL = scratch.path("sans-termes.yaml")
        try Data(lines.joined(separator: "\n").utf8).write(to: reducedURL)
        let reduced = try Lexicon.parse(yaml: String(contentsOf: reducedURL, encoding: .utf8), file: "sans-termes.yaml")
        #expect(reduced.categories.first?.terms.count == issue.terms.count - removed.count)

        let output = try StageRunner.run(
            "lexicon", ["suggest", issue.id, "--work", work, "--lexicon", reducedURL.path, "--top", "20"])
        #expect(output.status == 0, "\(output.stderr)")
        let suggestions = output.stdout.split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: "  ", omittingEmptySubsequences: true).dropFirst().first.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        #expect(suggestions.count == 20)

        let analyzer = FrenchAnalyzer(options: base.analyzerOptions)
        let proposed = try removed.filter { term in
            let scorer = Scorer(lexicon: try ConcordanceLexicon.term(term, base: base))
            return suggestions.contains { suggestion in
                let passage = Passage(
                    id: "s", index: 0, page: 1, blockKind: .paragraph, text: suggestion,
                    tokens: analyzer.tokens(in: suggestion))
                return scorer.analyzed(passage).hasMatches
            }
        }
        print("SuggestionTests: \(issue.id): removed \(removed); proposed \(proposed); suggestions \(suggestions)")
        #expect(proposed.count * 2 >= removed.count, "removed \(removed), proposed \(proposed), got \(suggestions)")
    }
}
