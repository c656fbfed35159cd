import EnjeuxLexicon
import EnjeuxTuning
import Testing

@Suite struct TermStatisticsTests {
    let scores = TuningFixture.scoreSet([
        TuningFixture.passage("a", 0, [("jugement clinique", 6), ("latitude", 1), ("latitude", 1)]),
        TuningFixture.passage("a", 1, [("jugement clinique", 4)]),
        TuningFixture.passage("b", 0, [("autonomie professionnelle", 8)]),
    ])

    @Test func countsPassagesDocumentsAndShares() throws {
        let issue = try #require(IssueStatistics.compute(scores, lexicon: TuningFixture.lexicon).first)
        #expect(issue.passages == 3)
        #expect(issue.documents == 2)
        #expect(issue.scoreMass == 20)
        let byTerm = Dictionary(uniqueKeysWithValues: issue.terms.map { ($0.term, $0) })
        #expect(byTerm["jugement clinique"]?.passages == 2)
        #expect(byTerm["jugement clinique"]?.documents == 1)
        #expect(byTerm["jugement clinique"]?.share == 0.5)
        #expect(byTerm["latitude"]?.matches == 2)
        #expect(byTerm["latitude"]?.passages == 1)
        #expect(byTerm["autonomie professionnelle"]?.share == 0.4)
        #expect(issue.unmatched.map(\.term) == ["pouvoir discrétionnaire"])
        #expect(abs(issue.terms.reduce(0) { $0 + $1.share } - 1) < 1e-9)
    }

    @Test func textListsTermsByWeightThenUnmatched() throws {
        let text = StatisticsReport.text(IssueStatistics.compute(scores, lexicon: TuningFixture.lexicon))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("autonomie — Autonomie professionnelle: 3 passages, 2 documents") == true)
        let judgement = try #require(lines.firstIndex { $0.contains("jugement clinique") })
        let autonomy = try #require(lines.firstIndex { $0.contains("autonomie professionnelle ") })
        #expect(judgement < autonomy)
        #expect(lines.contains("  no match (1): pouvoir discrétionnaire"))
    }

    @Test func csvHasEveryTermOnce() {
        let csv = StatisticsReport.csv(IssueStatistics.compute(scores, lexicon: TuningFixture.lexicon))
        let records = csv.split(separator: "\r\n")
        #expect(records.count == 1 + 4)
        #expect(
            records.contains { $0.hasPrefix("autonomie,Autonomie professionnelle,pouvoir discrétionnaire,1,0,0,0,0,") })
    }
}

@Suite struct LexiconUsageTests {
    @Test func termsListedUnderSeveralIssuesAreWarnedAtTheirSecondPlace() throws {
        let lexicon = try Lexicon.parse(
            yaml: """
                name: double
                version: "1"
                categories:
                  charge:
                    label: Charge
                    description: d
                    terms: [charge de travail, surcharge]
                  sante:
                    label: Santé
                    description: d
                    terms: [épuisement, "Charge  de travail"]
                """, file: "double.yaml")
        let warnings = LexiconUsage.sharedTerms(lexicon, file: "double.yaml")
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 11)
        #expect(warnings.first?.description.contains("is also in issue charge (line 7)") == true)
        #expect(warnings.first?.severity == .warning)
    }

    @Test func unmatchedTermsPointAtTheirLine() {
        let scores = TuningFixture.scoreSet([TuningFixture.passage("a", 0, [("latitude", 1)])])
        let statistics = IssueStatistics.compute(scores, lexicon: TuningFixture.lexicon)
        let warnings = LexiconUsage.unmatchedTerms(
            statistics, lexicon: TuningFixture.lexicon, file: "essai.yaml", corpus: "Corpus")
        #expect(warnings.count == 3)
        #expect(warnings.allSatisfy { $0.message.hasSuffix("matches nothing in Corpus") })
        #expect(
            warnings.map(\.line)
                == TuningFixture.lexicon.categories[0].terms.filter { $0.text != "latitude" }.map(\.position.line))
    }
}
