import EnjeuxLexicon
import EnjeuxModel
import EnjeuxTuning
import Testing

@Suite struct ConcordanceTests {
    /// Two passages; matches given as scalar ranges of their text.
    func scores() -> ScoreSet {
        func passage(_ document: String, _ index: Int, _ text: String, _ ranges: [Range<Int>]) -> ScoredPassage {
            let matches = ranges.map {
                TermMatch(term: "autonom*", text: "", start: $0.lowerBound, end: $0.upperBound, contribution: 1)
            }
            return ScoredPassage(
                documentId: document,
                passage: Passage(
                    id: "\(document)\(index)", index: index, page: 2, blockKind: .paragraph, text: text, tokens: []),
                scores: [CategoryScore(category: "kwic", score: Double(matches.count), matches: matches)])
        }
        let first = "Une autonomie réelle,\nmais surveillée."
        let second = "Zèle et autonomie ; plus d’autonomie"
        return ScoreSet(
            lexicon: LexiconInfo(path: "", sha256: "", name: "kwic", version: "1"),
            categories: [CategoryInfo(id: "kwic", label: "kwic", description: "")],
            documents: [
                DocumentSummary(
                    id: "a", source: "b.pdf", sha256: "", format: .pdf, metadata: DocumentMetadata(), pageCount: 3,
                    passageCount: 1, warnings: []),
                DocumentSummary(
                    id: "z", source: "a.html", sha256: "", format: .html, metadata: DocumentMetadata(), pageCount: 1,
                    passageCount: 1, warnings: []),
            ],
            passages: [passage("a", 0, first, [4..<13]), passage("z", 0, second, [8..<17, 27..<36])])
    }

    @Test func fixedWindowsOnBothSidesOnOneLine() throws {
        let lines = Concordance.lines(scores(), width: 6)
        #expect(lines.count == 3)
        let first = try #require(lines.first { $0.source == "b.pdf" })
        #expect(first.left == "Une ")
        #expect(first.match == "autonomie")
        #expect(first.right == " réell")
        let last = try #require(lines.last { $0.source == "a.html" })
        #expect(last.left == "lus d’")
        #expect(last.right == "")
        #expect(
            Concordance.lines(scores(), width: 30).first { $0.source == "b.pdf" }?.right == " réelle, mais surveillée.")
    }

    @Test func sortsBySourceLeftOrRightContext() {
        let bySource = Concordance.lines(scores(), width: 10).map(\.source)
        #expect(bySource == ["a.html", "a.html", "b.pdf"])
        let byRight = Concordance.lines(scores(), width: 10, order: .right).map(\.right)
        #expect(byRight == ["", " ; plus d’", " réelle, m"])
        let byLeft = Concordance.lines(scores(), width: 10, order: .left).map(\.left)
        // By the nearest word on the left: "d’", "et", "Une".
        #expect(byLeft == [" ; plus d’", "Zèle et ", "Une "])
    }

    @Test func textCsvAndHTMLCarryEveryHit() {
        let lines = Concordance.lines(scores(), width: 8)
        let text = Concordance.text(lines, width: 8)
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.contains("    Une  [autonomie]  réelle,"))
        #expect(Concordance.csv(lines).split(separator: "\r\n").count == 4)
        #expect(Concordance.html(lines, term: "<autonom*>").contains("&lt;autonom*&gt;"))
    }

    @Test func oneTermLexiconsFromATermOrAnEntry() throws {
        let base = try Lexicon.parse(
            yaml: """
                name: base
                version: "1"
                categories:
                  autonomie:
                    label: Autonomie
                    description: d
                    terms: [autonomie professionnelle, "jugement clinique"]
                    exclude: [autonomie de la batterie]
                """, file: "base.yaml")
        let term = try ConcordanceLexicon.term("jugement NEAR/3 \"clinique\"", base: base)
        #expect(term.categories.map(\.terms.count) == [1])
        let entry = try ConcordanceLexicon.entry("autonomie:jugement clinique", base: base)
        #expect(entry.categories.first?.terms.map(\.text) == ["jugement clinique"])
        #expect(entry.categories.first?.exclusions.count == 1)
        #expect(throws: ConcordanceLexicon.Problem.self) {
            try ConcordanceLexicon.entry("autonomie:latitude", base: base)
        }
    }
}
