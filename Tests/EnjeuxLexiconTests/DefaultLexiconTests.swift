import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxLexicon

/// The default lexicon shipped in `Lexicons/enjeux.fr.yaml`.
@Suite("Default lexicon")
struct DefaultLexiconTests {
    static let url = SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml")

    private func load() throws -> Lexicon { try Lexicon.load(from: Self.url) }

    @Test func loadsWithoutErrorsOrWarnings() throws {
        let diagnostics = LexiconChecker.check(fileAt: Self.url)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
        let lexicon = try load()
        #expect(lexicon.name == "enjeux")
    }

    @Test func definesTheTenIssuesWithTheirLabels() throws {
        let lexicon = try load()
        let expected = [
            ("autonomie", "Autonomie professionnelle"), ("deontologie", "Déontologie et normes professionnelles"),
            ("indicateurs", "Indicateurs de performance et mesure"), ("optimisation", "Optimisation et méthodes Lean"),
            ("ngp", "Nouvelle gestion publique"), ("acces", "Accès aux services"),
            ("conditions", "Conditions de pratique"),
            ("protection", "Protection du public"), ("austerite", "Compressions budgétaires"),
            ("reforme", "Réformes et gouvernance du réseau"),
        ]
        #expect(lexicon.categories.map(\.id) == expected.map(\.0))
        #expect(lexicon.categories.map(\.label) == expected.map(\.1))
        #expect(lexicon.categories.allSatisfy { !$0.description.isEmpty && $0.terms.count >= 15 })
    }

    /// Scores of each sentence scored as its own passage within a small corpus of all of them.
    private func scores(_ sentences: [String]) throws -> [[String: Double]] {
        let scorer = Scorer(lexicon: try load())
        let passages = sentences.enumerated().map { Fixture.passage($1, index: $0) }
        let statistics = scorer.statistics(documents: [Fixture.document(passages)])
        return passages.map { passage in
            Dictionary(
                uniqueKeysWithValues: scorer.score(passage: passage, statistics: statistics).map {
                    ($0.category, $0.score)
                })
        }
    }

    @Test func typicalSentencesScoreOnTheirIssue() throws {
        let cases: [(String, String)] = [
            (
                "Les intervenants perdent leur autonomie professionnelle et leur jugement clinique est ignoré.",
                "autonomie"
            ),
            ("Le code de déontologie impose des obligations professionnelles que l'employeur ignore.", "deontologie"),
            (
                "La reddition de comptes repose sur des indicateurs de performance et des tableaux de bord.",
                "indicateurs"
            ),
            ("Le projet Lean visait l'amélioration continue des processus.", "optimisation"),
            ("La nouvelle gestion publique impose le financement à l'activité et la privatisation.", "ngp"),
            ("Les listes d'attente s'allongent et l'accès aux services recule.", "acces"),
            ("La charge de travail et l'épuisement professionnel touchent les équipes.", "conditions"),
            ("La protection du public exige la qualité des services aux personnes vulnérables.", "protection"),
            ("Les compressions budgétaires et l'austérité frappent le réseau.", "austerite"),
            ("La Loi 10 a créé les CISSS et aboli les agences régionales.", "reforme"),
        ]
        let result = try scores(cases.map(\.0))
        for (index, (sentence, category)) in cases.enumerated() {
            #expect((result[index][category] ?? 0) > 0, "\(sentence) should score on \(category)")
        }
    }

    @Test func knownTrapsScoreNothingOnTheirIssue() throws {
        let cases: [(String, String)] = [
            ("L'autonomie de la batterie atteint quarante minutes.", "autonomie"),
            ("Ce drone offre une grande autonomie et une latitude de décision.", "autonomie"),
            ("Le programme de soutien à l'autonomie des personnes âgées.", "autonomie"),
            ("Des aînés en perte d'autonomie vivent à domicile.", "autonomie"),
            ("La performance sportive dépend de la récupération.", "indicateurs"),
            ("Les athlètes suivent leurs indicateurs de performance.", "indicateurs"),
            ("La méthode lean startup séduit les entrepreneurs.", "optimisation"),
            ("Choose lean meat for your diet.", "optimisation"),
            ("Le conseil de presse rappelle les règles d'éthique journalistique.", "deontologie"),
            ("La direction de la protection de la jeunesse a déménagé ses bureaux.", "protection"),
        ]
        let result = try scores(cases.map(\.0))
        for (index, (sentence, category)) in cases.enumerated() {
            #expect(result[index][category] == nil, "\(sentence) should not score on \(category)")
        }
    }
}
