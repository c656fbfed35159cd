import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxExtraction

/// Every gold quote of the development set that comes from a PDF must be found in the
/// extracted text of its page (or of its page joined with the next, for a quote that
/// crosses a page break), with its exact characters (apostrophes, no-break spaces);
/// only runs of ordinary white space are collapsed. Gold pages are physical 1-based
/// page numbers.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared"))
struct PDFGoldQuoteTests {
    struct GoldQuote: Decodable {
        var source: String
        var quote: String
        var page: Int?
    }

    @Test func everyPDFQuoteIsOnItsPage() throws {
        let lines = String(decoding: try PDFTestSupport.data("eval/dev/gold.jsonl"), as: UTF8.self)
            .split(separator: "\n")
        let quotes = try lines.map { try JSONDecoder().decode(GoldQuote.self, from: Data($0.utf8)) }
            .filter { $0.source.hasSuffix(".pdf") }
        #expect(quotes.count > 200)
        var pagesBySource: [String: [String]] = [:]
        var misses: [String] = []
        for gold in quotes {
            if pagesBySource[gold.source] == nil {
                let content = try PDFTestSupport.extract("eval/dev/corpus/\(gold.source)")
                pagesBySource[gold.source] = content.pages.map { PDFTestSupport.normalized($0.plainText) }
            }
            let pages = pagesBySource[gold.source] ?? []
            let page = try #require(gold.page)
            let quote = PDFTestSupport.normalized(gold.quote)
            let here = page >= 1 && page <= pages.count ? pages[page - 1] : ""
            let withNext = page < pages.count ? here + " " + pages[page] : here
            if !here.contains(quote) && !withNext.contains(quote) {
                misses.append("\(gold.source) p\(page): \(gold.quote)")
            }
        }
        #expect(
            misses.isEmpty,
            "\(misses.count) of \(quotes.count) quotes not on their page:\n\(misses.joined(separator: "\n"))")
    }

    @Test func twoColumnSentenceRunsOnAcrossColumns() throws {
        let content = try PDFTestSupport.extract("eval/dev/corpus/synthese-lean-soutien-domicile.pdf")
        let text = PDFTestSupport.normalized(content.pages[0].plainText)
        #expect(
            text.contains(
                "Dans l’établissement B, la durée cible d’une évaluation à domicile avec l’outil d’évaluation multiclientèle a ainsi été fixée à 90 minutes"
            ))
        let secondPage = content.pages[1].blocks.map(\.text)
        #expect(secondPage.first?.hasPrefix("3. Une intensification du travail") == true)
        #expect(
            secondPage.contains {
                $0.hasPrefix("Les gains d’efficience annoncés") && $0.hasSuffix("plutôt qu’au suivi.")
            })
    }

    @Test func printedPageNumbersAreNotText() throws {
        let content = try PDFTestSupport.extract("eval/dev/corpus/rapport-inspection-tenue-dossiers.pdf")
        #expect(content.pages.count == 2)
        for page in content.pages {
            #expect(!page.blocks.contains { $0.text == "23" || $0.text == "24" })
        }
    }
}
