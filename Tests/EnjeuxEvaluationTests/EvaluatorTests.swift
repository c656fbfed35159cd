import EnjeuxEvaluation
import Foundation
import Testing

/// Rankings built by hand, with metrics computed from the definitions.
@Suite struct EvaluatorTests {
    static let inspection = "rapport-inspection-tenue-dossiers.pdf"
    static let sport = "indicateurs-performance-sport.pdf"
    static let observed =
        "Le comité observe une tendance à la rédaction de notes très brèves, calquées sur les catégories du système d'information statistique"
    static let accounts =
        "Ces notes ne rendent compte ni de l'évaluation ni du raisonnement clinique qui fonde les interventions choisies"

    static func quote(_ number: Int) -> String {
        "La cible numéro \(number) de saisie statistique impose un rythme aux intervenantes"
    }

    /// Twelve `indicateurs` lines (the worked example's quote first), one `deontologie` line.
    static func gold() -> [GoldLine] {
        var lines = [
            GoldLine(source: inspection, category: "indicateurs", grade: 2, quote: observed, page: 1),
            GoldLine(source: inspection, category: "deontologie", grade: 2, quote: accounts, page: 1),
        ]
        for number in 1...11 {
            lines.append(
                GoldLine(
                    source: "memo.html", category: "indicateurs", grade: number <= 5 ? 2 : 1, quote: quote(number),
                    page: nil))
        }
        return lines
    }

    static func entry(_ rank: Int, _ source: String, _ text: String, page: Int? = 1, endPage: Int? = nil)
        -> RankedEntry
    {
        RankedEntry(category: "indicateurs", rank: rank, source: source, page: page, endPage: endPage, text: text)
    }

    @Test func workedExampleOfTheEvaluationSet() {
        let ranking = [
            Self.entry(1, Self.inspection, "« \(Self.observed) (…). \(Self.accounts). »"),
            Self.entry(2, Self.sport, "Les indicateurs de performance du GPS mesurent la charge des athlètes."),
            Self.entry(
                3, Self.inspection,
                "\(Self.observed) (« rencontre individuelle — suivi », « contact téléphonique — usager »)."),
        ]
        let result = Evaluator(gold: Self.gold()).evaluate(category: "indicateurs", ranking: ranking)
        #expect(result.gains == [2, 0, 0])
        // IDCG@10 over the grades 2,2,2,2,2,2,1,1,1,1 of the twelve lines.
        let ideal = (0..<10).reduce(0.0) { $0 + Double($1 < 6 ? 2 : 1) / log2(Double($1 + 2)) }
        #expect(abs(result.ndcgAt10 - 2 / ideal) < 1e-12)
        #expect(result.precisionAt5 == 0.2)
        #expect(result.recallAt20 == 1.0 / 6)
        #expect(result.pagesChecked == 1 && result.pagesCorrect == 1)
        #expect(result.missed.count == 5)
    }

    @Test func otherIssuesGoldDoesNotCount() {
        let ranking = [Self.entry(1, Self.inspection, Self.accounts)]
        let result = Evaluator(gold: Self.gold()).evaluate(category: "indicateurs", ranking: ranking)
        #expect(result.gains == [0])
    }

    @Test func aPassageWithSeveralQuotesEarnsOneGainAndUsesThemUp() {
        let two = "\(Self.quote(6)). \(Self.quote(1))."
        let ranking = [
            Self.entry(1, "memo.html", two, page: nil),
            Self.entry(2, "memo.html", Self.quote(1), page: nil),
            Self.entry(3, "memo.html", Self.quote(2), page: nil),
        ]
        let result = Evaluator(gold: Self.gold()).evaluate(category: "indicateurs", ranking: ranking)
        #expect(result.gains == [2, 0, 2])
        // Grade-2 lines 1 and 2 of memo.html are found, out of 6.
        #expect(result.recallAt20 == 2.0 / 6)
        #expect(result.pagesChecked == 0)
    }

    @Test func pageAccuracyUsesTheHighestRankedHitAndPageRanges() {
        let gold = [
            GoldLine(
                source: "a.pdf", category: "c", grade: 2, quote: "premier passage assez long pour compter", page: 2),
            GoldLine(
                source: "a.pdf", category: "c", grade: 1, quote: "second passage assez long pour compter", page: 3),
        ]
        let ranking = [
            RankedEntry(
                category: "c", rank: 1, source: "a.pdf", page: 1, text: "premier passage assez long pour compter"),
            RankedEntry(
                category: "c", rank: 2, source: "a.pdf", page: 2, text: "premier passage assez long pour compter"),
            RankedEntry(
                category: "c", rank: 3, source: "a.pdf", page: 2, endPage: 3,
                text: "second passage assez long pour compter"),
        ]
        let result = Evaluator(gold: gold).evaluate(category: "c", ranking: ranking)
        #expect(result.pagesChecked == 2)
        #expect(result.pagesCorrect == 1)
        #expect(result.pageAccuracy == 0.5)
    }

    @Test func onlyTheTopTwentyCountForRecall() {
        let gold = [GoldLine(source: "d.html", category: "c", grade: 2, quote: "la phrase cherchée est ici", page: nil)]
        var ranking = (1...20).map {
            RankedEntry(category: "c", rank: $0, source: "d.html", page: 1, text: "autre texte \($0)")
        }
        ranking.append(
            RankedEntry(category: "c", rank: 21, source: "d.html", page: 1, text: "la phrase cherchée est ici"))
        let result = Evaluator(gold: gold).evaluate(category: "c", ranking: ranking)
        #expect(result.recallAt20 == 0)
        #expect(result.missed.map(\.quote) == ["la phrase cherchée est ici"])
        #expect(result.gains.last == 2)
    }

    @Test func summaryAveragesIssuesAndPoolsPages() {
        let gold = [
            GoldLine(source: "a.pdf", category: "x", grade: 2, quote: "une phrase de la catégorie x", page: 1),
            GoldLine(source: "a.pdf", category: "y", grade: 2, quote: "une phrase de la catégorie y", page: 2),
        ]
        let entries = [
            RankedEntry(category: "x", rank: 1, source: "a.pdf", page: 1, text: "une phrase de la catégorie x"),
            RankedEntry(category: "unknown", rank: 1, source: "a.pdf", page: 1, text: "rien"),
        ]
        let summary = Evaluator(gold: gold).evaluate(entries, order: ["y", "x"])
        #expect(summary.issues.map(\.category) == ["y", "x"])
        #expect(summary.issues[0].ndcgAt10 == 0 && summary.issues[0].precisionAt5 == 0)
        #expect(summary.issues[1].ndcgAt10 == 1 && summary.issues[1].precisionAt5 == 0.2)
        #expect(summary.meanNDCGAt10 == 0.5)
        #expect(summary.meanRecallAt20 == 0.5)
        #expect(summary.pagesChecked == 1 && summary.pageAccuracy == 1)
    }

    @Test func entriesAreOrderedByRankNotByFileOrder() {
        let gold = [GoldLine(source: "a.pdf", category: "x", grade: 2, quote: "la bonne phrase est ici", page: 1)]
        let entries = [
            RankedEntry(category: "x", rank: 2, source: "a.pdf", page: 1, text: "la bonne phrase est ici"),
            RankedEntry(category: "x", rank: 1, source: "a.pdf", page: 1, text: "autre chose"),
        ]
        let issue = Evaluator(gold: gold).evaluate(entries).issues[0]
        #expect(issue.gains == [0, 2])
    }
}
