import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxExtraction

@Suite("HTML seed renderings", .enabled(if: SharedData.isAvailable, "needs ../shared"))
struct HTMLSeedCorpusTests {
    static let seedRenderings = [
        "corpus/seeds/000_29a6c5865de0a7fd.html",
        "corpus/seeds/000_29a6c5865de0a7fd.windows-1252.html",
        "corpus/seeds/000_29a6c5865de0a7fd.iso-8859-1.html",
        "corpus/broken/utf16le-bom.html",
        "corpus/broken/declared-utf8-actually-windows-1252.html",
        "corpus/broken/html-with-pdf-extension.pdf",
    ]

    /// The seed text without its list markers (`•`, `1.` at the start of a line).
    static func referenceText() throws -> String {
        let text = String(
            decoding: try HTMLTestHelpers.sharedData("seeds/000_29a6c5865de0a7fd.txt"), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var words = HTMLTestHelpers.words(String(line))
            if let first = words.first,
                first == "•"
                    || (first.last == "." && first.dropLast().allSatisfy(\.isNumber) && first.count > 1)
            {
                words.removeFirst()
            }
            return words.joined(separator: " ")
        }.joined(separator: "\n")
    }

    @Test("All encodings of page 000 give byte-identical text")
    func encodingsGiveIdenticalText() throws {
        let reference = HTMLTestHelpers.plainText(
            try HTMLTestHelpers.extract(shared: Self.seedRenderings[0]))
        #expect(reference.count > 5000)
        for path in Self.seedRenderings.dropFirst() {
            let text = HTMLTestHelpers.plainText(try HTMLTestHelpers.extract(shared: path))
            #expect(Data(text.utf8) == Data(reference.utf8), "\(path)")
        }
    }

    @Test("Declared UTF-8 with windows-1252 bytes warns")
    func declaredUTF8Warns() throws {
        let content = try HTMLTestHelpers.extract(
            shared: "corpus/broken/declared-utf8-actually-windows-1252.html")
        #expect(content.warnings.contains { $0.message.contains("not valid UTF-8") })
        #expect(!HTMLTestHelpers.plainText(content).contains("\u{FFFD}"))
    }

    @Test("Article text matches the seed text", arguments: seedRenderings)
    func precisionAndRecall(path: String) throws {
        let content = try HTMLTestHelpers.extract(shared: path)
        let scores = HTMLTestHelpers.precisionRecall(
            extracted: HTMLTestHelpers.plainText(content), reference: try Self.referenceText())
        print("\(path): precision \(scores.precision), recall \(scores.recall)")
        #expect(scores.precision >= 0.98, "\(path): precision \(scores.precision)")
        #expect(scores.recall >= 0.98, "\(path): recall \(scores.recall)")
    }

    @Test("Metadata of page 000")
    func metadata() throws {
        let metadata = try HTMLTestHelpers.extract(shared: Self.seedRenderings[1]).metadata
        #expect(
            metadata.title == "Services sociaux et conditions de pratique: L’Ordre se positionne et agit")
        #expect(metadata.titleSource == .structuredData)
        #expect(metadata.authors == ["Service des communications de l’Ordre"])
        #expect(metadata.date == "2017-06-05")
        #expect(metadata.language == "fr-CA")
        #expect(metadata.publisher == "L’Ordre – Travail social et thérapie conjugale et familiale")
        #expect(
            metadata.url
                == "https://www.example.org/publications/revue/dossier-special/services-sociaux-et-conditions-de-pratique"
        )
    }

    @Test("Page 000 keeps its structure and leaves out the chrome")
    func structureAndChrome() throws {
        let content = try HTMLTestHelpers.extract(shared: Self.seedRenderings[0])
        let blocks = HTMLTestHelpers.blocks(content)
        #expect(blocks.contains { $0.kind == .heading && $0.level == 1 })
        #expect(blocks.filter { $0.kind == .heading && $0.level == 2 }.count == 5)
        #expect(blocks.contains { $0.kind == .tableCell && $0.text == "Positionnements" })
        #expect(blocks.contains { $0.kind == .listItem })
        #expect(
            blocks.contains {
                $0.text.contains("plan stratégique 2016-2021 de l’Ordre\u{00A0}: La qualité")
            })
        let text = HTMLTestHelpers.plainText(content)
        for chrome in [
            "Ce site utilise des témoins", "Protection du public", "Code de déontologie", "Lean santé",
            "Recevez chaque mois", "Heures d’ouverture", "Tous droits réservés", "Partager sur Facebook",
            "Mots-clés", "Tout accepter", "gtag", "Aller au contenu principal", "Rechercher",
        ] {
            #expect(!text.contains(chrome), "\(chrome)")
        }
    }
}
