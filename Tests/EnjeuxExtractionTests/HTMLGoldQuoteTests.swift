import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import LibXMLKit
import Testing

@testable import EnjeuxExtraction

@Suite(
    "HTML pages of the development evaluation set",
    .enabled(if: SharedData.isAvailable, "needs ../shared"))
struct HTMLGoldQuoteTests {
    private struct GoldLine: Decodable {
        var source: String
        var quote: String
    }

    /// Page furniture of each page (menus, banners, sidebars, footers): never extracted.
    static let chrome: [String: [String]] = [
        "opinion-jugement-clinique.html": [
            "Le Fil utilise des témoins", "Les textes publiés dans la section Opinions",
            "Les tableaux de bord arrivent dans les CLSC", "Lettre d'une infirmière épuisée",
            "Recevez chaque samedi", "Commentaires (3)", "Les commentaires sont réservés aux abonnés",
            "Reproduction interdite", "L'infolettre Opinions",
        ],
        "communique-compressions-cisss.html": [
            "Dossier austérité", "Temps supplémentaire obligatoire : l’AIIS dépose un grief",
            "Ce site utilise des témoins de navigation", "Tous droits réservés", "Plan du site",
            "Journée nationale de visibilité", "Revue de presse", "Derniers communiqués", "Partager :",
        ],
        "infolettre-tcf-listes-attente.html": [
            "Vous avez de la difficulté à lire ce courriel", "Nous utilisons des témoins pour analyser",
            "Se désabonner", "les résultats de notre sondage.", "case postale 4821",
            "Trouver une thérapeute",
            "Vous recevez cette infolettre",
        ],
        "article-loi10-agences.html": [
            "Urgences : des délais records cet hiver", "Santé mentale : la liste d’attente s’allonge",
            "Compressions : les commissions scolaires sous pression", "Nous utilisons des témoins",
            "Votre quotidien d’information régionale", "Réactions (12)", "Avis de décès", "Publicité",
            "Mots-clés", "À lire aussi",
        ],
        "blogue-lean-startup.html": [
            "Nous utilisons des témoins", "4 commentaires", "Parlons de votre projet",
        ],
        "drones-autonomes.html": [],
    ]

    private static func goldLines() throws -> [GoldLine] {
        let data = try HTMLTestHelpers.sharedData("eval/dev/gold.jsonl")
        let decoder = JSONDecoder()
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try decoder.decode(GoldLine.self, from: Data($0.utf8))
        }
    }

    @Test("Every HTML gold quote is found verbatim in one extracted block")
    func goldQuotesAreExtracted() throws {
        let lines = try Self.goldLines().filter { $0.source.hasSuffix(".html") }
        #expect(lines.count > 100)
        var extracted: [String: [String]] = [:]
        var hits = 0
        for line in lines {
            if extracted[line.source] == nil {
                let content = try HTMLTestHelpers.extract(shared: "eval/dev/corpus/\(line.source)")
                extracted[line.source] = HTMLTestHelpers.blocks(content).map {
                    HTMLTestHelpers.normalizeWhitespace($0.text)
                }
            }
            let quote = HTMLTestHelpers.normalizeWhitespace(line.quote)
            let found = extracted[line.source, default: []].contains { $0.contains(quote) }
            if found { hits += 1 }
            #expect(found, "\(line.source): \(line.quote)")
        }
        print("HTML gold quotes found: \(hits)/\(lines.count)")
    }

    @Test("Page furniture is left out", arguments: chrome.keys.sorted())
    func furnitureIsLeftOut(page: String) throws {
        let data = try HTMLTestHelpers.sharedData("eval/dev/corpus/\(page)")
        let content = try HTMLExtractor().extract(data: data)
        let text = HTMLTestHelpers.normalizeWhitespace(HTMLTestHelpers.plainText(content))
        #expect(text.count > 2000)
        // The whole page's text, to make sure each string really is on the page.
        let tree = try HTMLParser.parse(utf8: HTMLEncodingDetector.decode(data).text).tree
        let pageText = HTMLTestHelpers.normalizeWhitespace(tree.rawText(of: HTMLTree.rootIndex))
        for chrome in Self.chrome[page, default: []] {
            let phrase = HTMLTestHelpers.normalizeWhitespace(chrome)
            #expect(pageText.contains(phrase), "not on the page: \(chrome)")
            #expect(!text.contains(phrase), "\(page): \(chrome)")
        }
        #expect(content.metadata.title?.isEmpty == false)
    }

    @Test("Inline markup inside gold quotes")
    func inlineMarkup() throws {
        let loi10 = try HTMLTestHelpers.extract(shared: "eval/dev/corpus/article-loi10-agences.html")
        #expect(
            loi10.metadata.title.map(HTMLTestHelpers.normalizeWhitespace)
                == "Loi 10 adoptée sous bâillon : les agences régionales disparaîtront le 1er avril")
        #expect(HTMLTestHelpers.plainText(loi10).contains("le 1er avril 2015"))
        let opinion = try HTMLTestHelpers.extract(
            shared: "eval/dev/corpus/opinion-jugement-clinique.html")
        // The pull-quote is aria-hidden: its sentence appears once, in the body.
        let text = HTMLTestHelpers.plainText(opinion)
        #expect(text.components(separatedBy: "Ce qui ne se compte pas n'existe plus.").count == 2)
    }
}
