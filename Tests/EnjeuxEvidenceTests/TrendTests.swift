import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxEvidence

/// « Évolution dans le temps » and « Enjeux abordés ensemble » on a fixture corpus whose years
/// and issues are known: the figures, the numbers in the SVG and in the tables.
struct TrendTests {
    static let austerite = CategoryInfo(id: "austerite", label: "Compressions budgétaires", description: "Austérité.")
    static let categories = [Fixture.autonomie, Fixture.indicateurs, austerite]

    static func corpus() -> ScoreSet {
        func document(_ id: String, date: String?, passages: Int) -> DocumentSummary {
            var summary = Fixture.document(id, date: date)
            summary.passageCount = passages
            return summary
        }
        let documents = [
            document("a2016", date: "2016-04-01", passages: 10), document("b2016", date: "2016", passages: 10),
            document("c2018", date: "2018-11-30", passages: 20), document("sans-date", date: nil, passages: 5),
        ]
        let passages = [
            Fixture.passage("a2016", 0, "Autonomie et indicateurs.", scores: ["autonomie": 3, "indicateurs": 2]),
            Fixture.passage("a2016", 1, "Autonomie.", scores: ["autonomie": 1]),
            Fixture.passage("b2016", 0, "Un indicateur faible.", scores: ["indicateurs": 0.4]),
            Fixture.passage("b2016", 1, "Indicateurs.", scores: ["indicateurs": 5]),
            Fixture.passage(
                "c2018", 0, "Les trois ensemble.", scores: ["autonomie": 2, "indicateurs": 2, "austerite": 2]),
            Fixture.passage("c2018", 1, "Compressions.", scores: ["austerite": 4]),
            Fixture.passage("sans-date", 0, "Autonomie sans date.", scores: ["autonomie": 9]),
        ]
        return Fixture.scoreSet(categories: categories, documents: documents, passages: passages)
    }

    @Test func yearsCountPassagesAboveTheThresholdOverAllPassagesOfTheYear() {
        let trends = YearTrends(scoreSet: Self.corpus(), threshold: 0.5, evidence: nil)
        #expect(trends.years.map(\.year) == [2016, 2018])
        #expect(trends.years.map(\.documents) == [2, 1])
        #expect(trends.years.map(\.passages) == [20, 20])
        #expect(trends.years.map(\.evidence) == [[2, 2, 0], [1, 1, 2]])
        #expect(trends.years[0].share(0) == 0.1)
        #expect(trends.years[1].share(2) == 0.1)
        #expect(trends.undatedDocuments == 1)
        #expect(trends.maximumShare == 0.1)
    }

    @Test func documentsThatAreNotEvidenceAreNotCounted() {
        let scoreSet = Self.corpus()
        let none = DocumentEvidence(scoreSet: scoreSet, level: 100, passagesCounted: 3, share: 2, threshold: 0.5)
        let trends = YearTrends(scoreSet: scoreSet, threshold: 0.5, evidence: none)
        #expect(trends.years.map(\.evidence) == [[0, 0, 0], [0, 0, 0]])
        #expect(trends.years.map(\.passages) == [20, 20])
        let matrix = IssueCoOccurrence(scoreSet: scoreSet, threshold: 0.5, evidence: none)
        #expect(matrix.passages.flatMap { $0 }.allSatisfy { $0 == 0 })
        #expect(matrix.strongestPair == nil)
    }

    @Test func chartsCarryTheFiguresOfEachYear() throws {
        let html = TrendSection.html(YearTrends(scoreSet: Self.corpus(), threshold: 0.5, evidence: nil))
        let figures = html.components(separatedBy: "<figure class=\"evolution\"").dropFirst()
        #expect(figures.count == 3)
        let autonomie = try #require(figures.first { $0.hasPrefix(" data-enjeu=\"autonomie\"") })
        #expect(
            autonomie.contains(
                "data-annee=\"2016\" data-passages=\"2\" data-total=\"20\" data-documents=\"2\" data-part=\"0.1\""))
        #expect(
            autonomie.contains(
                "data-annee=\"2018\" data-passages=\"1\" data-total=\"20\" data-documents=\"1\" data-part=\"0.05\""))
        #expect(autonomie.contains("<title>2016\u{A0}: 2 passages sur 20 (10,0\u{A0}%), 2 documents</title>"))
        // A year of fewer than three documents is an open circle.
        #expect(autonomie.components(separatedBy: "fill=\"#fff\"").count - 1 == 2)
        let austerite = try #require(figures.first { $0.hasPrefix(" data-enjeu=\"austerite\"") })
        #expect(austerite.contains("data-annee=\"2016\" data-passages=\"0\" data-total=\"20\""))
        #expect(austerite.contains("data-annee=\"2018\" data-passages=\"2\" data-total=\"20\""))
        // Accessible: a title and a description per chart, the documents per year, the table.
        #expect(html.components(separatedBy: "<svg role=\"img\" aria-labelledby=").count - 1 == 4)
        #expect(html.contains("data-annee=\"2016\" data-documents=\"2\""))
        #expect(html.contains("1 document sans année n’est pas compté."))
        let table = try #require(html.components(separatedBy: "<table id=\"evolution-tableau\">").last)
        #expect(table.contains("<tr data-annee=\"2016\"><th scope=\"row\">2016</th><td>2</td><td>20</td>"))
        #expect(
            table.contains(
                "<td data-passages=\"2\">2 (10,0\u{A0}%)</td><td data-passages=\"2\">2 (10,0\u{A0}%)</td><td data-passages=\"0\">0 (0,0\u{A0}%)</td>"
            ))
        #expect(table.contains("<td data-passages=\"2\">2 (10,0\u{A0}%)</td></tr>"))
    }

    @Test func coOccurrenceCountsPassagesAndDocuments() {
        let matrix = IssueCoOccurrence(scoreSet: Self.corpus(), threshold: 0.5, evidence: nil)
        #expect(matrix.passages == [[4, 2, 1], [2, 3, 1], [1, 1, 2]])
        #expect(matrix.documents == [[3, 2, 1], [2, 3, 1], [1, 1, 1]])
        #expect(matrix.strongestPair?.first == 0 && matrix.strongestPair?.second == 1)
        #expect(matrix.strongestPair?.passages == 2)
    }

    @Test func matricesCarryTheCountsOnHoverAndInTheTable() throws {
        let html = CoOccurrenceSection.html(IssueCoOccurrence(scoreSet: Self.corpus(), threshold: 0.5, evidence: nil))
        let figures = html.components(separatedBy: "<figure class=\"matrice\"").dropFirst()
        #expect(figures.count == 2)
        let passages = try #require(figures.first { $0.hasPrefix(" data-matrice=\"passages\"") })
        let documents = try #require(figures.first { $0.hasPrefix(" data-matrice=\"documents\"") })
        #expect(passages.components(separatedBy: "<g class=\"case\"").count - 1 == 9)
        #expect(
            passages.contains(
                "data-ligne=\"autonomie\" data-colonne=\"indicateurs\" data-compte=\"2\"><title>Autonomie professionnelle et Indicateurs de performance et mesure\u{A0}: 2 passages</title>"
            ))
        #expect(
            passages.contains(
                "data-ligne=\"autonomie\" data-colonne=\"autonomie\" data-compte=\"4\"><title>Autonomie professionnelle\u{A0}: 4 passages</title>"
            ))
        #expect(documents.contains("data-ligne=\"austerite\" data-colonne=\"austerite\" data-compte=\"1\"><title>"))
        #expect(documents.contains("data-ligne=\"indicateurs\" data-colonne=\"autonomie\" data-compte=\"2\">"))
        #expect(
            html.contains(
                "«\u{A0}Autonomie professionnelle\u{A0}» et «\u{A0}Indicateurs de performance et mesure\u{A0}» (2 passages)"
            ))
        let table = try #require(html.components(separatedBy: "<table id=\"ensemble-tableau\">").last)
        #expect(
            table.contains(
                "<th scope=\"row\">1. Autonomie professionnelle</th><td data-passages=\"4\" data-documents=\"3\">4 (3)</td><td data-passages=\"2\" data-documents=\"2\">2 (2)</td><td data-passages=\"1\" data-documents=\"1\">1 (1)</td>"
            ))
    }

    @Test func thePageHasBothSectionsBetweenTheHeatMapAndThePassages() throws {
        let scoreSet = Self.corpus()
        let options = EvidenceOptions(documentEvidenceLevel: 0)
        let issues = EvidenceBuilder.build(scoreSet, options: options)
        let html = EvidencePage.html(issues: issues, scoreSet: scoreSet, report: Fixture.report(), options: options)
        let heatMap = try #require(html.range(of: "id=\"carte-section\"")).lowerBound
        let trends = try #require(html.range(of: "<section id=\"evolution\"")).lowerBound
        let together = try #require(html.range(of: "<section id=\"ensemble\"")).lowerBound
        let passages = try #require(html.range(of: "<section id=\"enjeux\"")).lowerBound
        #expect(heatMap < trends && trends < together && together < passages)
        #expect(!html.contains("<script src"))
    }
}
