import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxExtraction

/// The 004 seed rendered by LibreOffice: hyphenated, with running header and footer
/// and four footnotes; its exact words are in ../shared/seeds/004_….txt.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared"))
struct PDFSeedDocumentTests {
    static let pdfPath = "corpus/seeds/004_21255a5746c9818d.pdf"
    static let textPath = "seeds/004_21255a5746c9818d.txt"

    @Test func everyExtractedWordIsAWordOfTheSource() throws {
        let content = try PDFTestSupport.extract(Self.pdfPath)
        let source = String(decoding: try PDFTestSupport.data(Self.textPath), as: UTF8.self)
        let sourceWords = Set(PDFTestSupport.words(source).map { $0.lowercased() })
        let extracted = content.pages.map(\.plainText).joined(separator: "\n")
        // Footnote anchors come apart from their word ("problème 1"): digits are ignored.
        let artefacts = PDFTestSupport.words(extracted).filter { word in
            !word.allSatisfy(\.isNumber) && !sourceWords.contains(word.lowercased())
        }
        #expect(artefacts.isEmpty, "words not in the source (hyphenation artefacts?): \(artefacts)")
        #expect(!extracted.contains("- "), "a hyphen followed by a space remains")
    }

    @Test func compoundsKeepTheirHyphen() throws {
        let text = try PDFTestSupport.extract(Self.pdfPath).pages.map(\.plainText).joined(separator: " ")
        #expect(text.contains("Ceux-ci peuvent"))
        #expect(text.contains("dispensation"))
    }

    @Test func runningHeaderAndFooterAreGone() throws {
        let content = try PDFTestSupport.extract(Self.pdfPath)
        #expect(content.pages.count == 5)
        for page in content.pages {
            #expect(!page.plainText.contains("Dossier optimisation"), "header on page \(page.number)")
            #expect(page.plainText.range(of: #"Page \d+ de 5"#, options: .regularExpression) == nil)
        }
    }

    @Test func footnotesAreBlocksOfTheirOwn() throws {
        let content = try PDFTestSupport.extract(Self.pdfPath)
        let notes = content.pages.flatMap { page in
            page.blocks.filter { $0.kind == .footnote }.map { (page.number, $0.text) }
        }
        #expect(notes.count == 4)
        #expect(notes.map(\.0) == [2, 2, 3, 4])
        #expect(notes.map { $0.1.prefix(2) } == ["1 ", "2 ", "3 ", "4 "])
        for page in content.pages {
            for block in page.blocks where block.kind != .footnote {
                #expect(!block.text.contains("Traduction libre de la définition"))
            }
        }
    }

    @Test func headingsAndMetadata() throws {
        let content = try PDFTestSupport.extract(Self.pdfPath)
        let first = try #require(content.pages.first?.blocks.first)
        #expect(first.kind == .heading)
        #expect(first.level == 1)
        // The space before the colon comes back as a no-break space (French typography).
        #expect(first.text == "DOSSIER OPTIMISATION\u{00A0}: CONSTATS, ENJEUX, PISTES D’ACTION")
        #expect(content.metadata.title == "Dossier optimisation : constats, enjeux, pistes d’action")
        #expect(content.metadata.titleSource == .pdfInfo)
        #expect(content.metadata.authors == ["Direction générale"])
        #expect(content.metadata.date == "2015-11-20")
        #expect(content.metadata.producer == "LibreOffice 7.4")
        let headings = content.pages.flatMap(\.blocks).filter { $0.kind == .heading }
        #expect(headings.contains { $0.text == "2. ENJEUX" && $0.level == 2 })
        #expect(headings.contains { $0.text.hasPrefix("a. Quelques actions publiques") && $0.level == 3 })
    }

    @Test func listItemsLoseTheirBullet() throws {
        let content = try PDFTestSupport.extract(Self.pdfPath)
        let items = content.pages.flatMap(\.blocks).filter { $0.kind == .listItem }
        #expect(items.contains { $0.text == "Littérature scientifique et autres documents pertinents;" })
        #expect(!items.contains { $0.text.hasPrefix("•") })
    }
}
