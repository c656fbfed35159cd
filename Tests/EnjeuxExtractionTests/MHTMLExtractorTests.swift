import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxExtraction

/// Web archives extracted as their page: text, charset, address, failures.
@Suite struct MHTMLExtractorTests {
    typealias Part = MHTMLFixtures.Part

    func extract(_ data: Data) throws(ExtractionFailure) -> ExtractedContent {
        try MHTMLExtractor().extract(data: data)
    }

    /// An archive of one page with this Content-Type and transfer encoding.
    func archive(page: [UInt8], contentType: String, encoding: String = "quoted-printable") -> Data {
        let body: String
        switch encoding {
        case "base64": body = Data(page).base64EncodedString(options: .lineLength76Characters)
        default:
            body = page.map { $0 >= 0x80 || $0 == 0x3D ? String(format: "=%02X", $0) : String(UnicodeScalar($0)) }
                .joined()
        }
        return MHTMLFixtures.archive(
            headers: ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=\"b\""], boundary: "b",
            parts: [
                Part(headers: ["Content-Type: \(contentType)", "Content-Transfer-Encoding: \(encoding)"], body: body)
            ])
    }

    @Test func chromePageGivesItsArticleAndAddress() throws {
        let content = try extract(MHTMLFixtures.chrome())
        let text = HTMLTestHelpers.plainText(content)
        #expect(text.hasPrefix("La réforme et la pratique\n\nDepuis la réforme, les travailleuses sociales décrivent"))
        #expect(text.contains("charge de travail qui ne cesse d’augmenter"))
        #expect(text.hasSuffix("reconnaissance de leur autonomie professionnelle."))
        #expect(!text.contains("Accueil"))
        #expect(!text.contains("Publicité"))
        #expect(content.metadata.title == "La réforme et la pratique")
        #expect(content.metadata.language == "fr")
        #expect(content.metadata.url == "https://exemple.org/2023/05/17/reforme-pratique")
        // The page states no date: the address it was saved from gives it.
        #expect(content.metadata.date == "2023-05-17")
        #expect(content.warnings.isEmpty)
        #expect(content.pages.count == 1)
    }

    @Test func archiveCharsetOutranksTheMetaOfThePage() throws {
        // The page claims UTF-8 in its <meta>, the archive says windows-1252, the bytes are windows-1252.
        let page: [UInt8] =
            Array("<html><head><meta charset=\"utf-8\"></head><body><p>D".utf8) + [0xE9]
            + Array("cision du comit".utf8) + [0xE9, 0x20, 0x96, 0x20, 0x80]
            + Array(" 12</p></body></html>".utf8)
        let content = try extract(archive(page: page, contentType: "text/html; charset=windows-1252"))
        #expect(HTMLTestHelpers.plainText(content) == "Décision du comité – € 12")
        #expect(content.warnings.isEmpty)
    }

    @Test func latin1AndLatin9InBase64() throws {
        let page: [UInt8] =
            Array("<p>L'".utf8) + [0xE9, 0x74, 0xE9] + Array(" co".utf8) + [0xFB, 0x74, 0x65, 0x20, 0xA4]
            + Array("</p>".utf8)
        let latin1 = try extract(
            archive(page: page, contentType: "text/html; charset=\"iso-8859-1\"", encoding: "base64"))
        #expect(HTMLTestHelpers.plainText(latin1) == "L'été coûte ¤")
        let latin9 = try extract(archive(page: page, contentType: "text/html; charset=ISO-8859-15", encoding: "base64"))
        #expect(HTMLTestHelpers.plainText(latin9) == "L'été coûte €")
    }

    @Test func withoutCharsetThePageDecidesItsEncoding() throws {
        // Word's archive: windows-1252 text, no charset anywhere, no <meta>: sniffed.
        let office = try extract(MHTMLFixtures.office(charset: ""))
        #expect(
            HTMLTestHelpers.plainText(office).contains(
                "Le comité a décidé de réduire les délais d'attente à la réception."))
        let meta: [UInt8] =
            Array("<meta http-equiv=Content-Type content=\"text/html; charset=iso-8859-15\"><p>".utf8) + [0xA4]
            + Array("</p>".utf8)
        #expect(HTMLTestHelpers.plainText(try extract(archive(page: meta, contentType: "text/html"))) == "€")
        let utf8 = Array("<p>déjà</p>".utf8)
        #expect(HTMLTestHelpers.plainText(try extract(archive(page: utf8, contentType: "text/html"))) == "déjà")
    }

    @Test func officeArchiveWithItsCharset() throws {
        let content = try extract(MHTMLFixtures.office())
        #expect(HTMLTestHelpers.plainText(content).hasSuffix("réduire les délais d'attente à la réception."))
        // A file: address is not a web address.
        #expect(content.metadata.url == nil)
    }

    @Test func utf16AndMislabelledUTF8() throws {
        let text = "<p>Québec, « citation »</p>"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let fromLittle = try extract(
            archive(page: little, contentType: "text/html; charset=UTF-16LE", encoding: "base64"))
        #expect(HTMLTestHelpers.plainText(fromLittle) == "Québec, « citation »")
        let fromBig = try extract(archive(page: big, contentType: "text/html; charset=utf-16", encoding: "base64"))
        #expect(HTMLTestHelpers.plainText(fromBig) == "Québec, « citation »")

        let notUTF8: [UInt8] = Array("<p>Qu".utf8) + [0xE9] + Array("bec</p>".utf8)
        let mislabelled = try extract(archive(page: notUTF8, contentType: "text/html; charset=utf-8"))
        #expect(HTMLTestHelpers.plainText(mislabelled) == "Québec")
        #expect(
            mislabelled.warnings.map(\.message) == [
                "the web archive declares UTF-8 but the page is not valid UTF-8: decoded as windows-1252"
            ])
        let unknown = try extract(
            archive(page: Array("<p>texte</p>".utf8), contentType: "text/html; charset=x-inconnu"))
        #expect(unknown.warnings == [.webArchiveUnknownCharset("x-inconnu")])
        #expect(unknown.warnings.first?.message == "unknown charset \"x-inconnu\" in the web archive ignored")
    }

    @Test func canonicalAddressOfThePageWins() throws {
        let page = Array(
            "<html><head><link rel=\"canonical\" href=\"https://exemple.org/canonique\"></head><body><p>x</p></body></html>"
                .utf8)
        let data = MHTMLFixtures.archive(
            headers: [
                "Snapshot-Content-Location: https://exemple.org/canonique?utm_source=lettre", "MIME-Version: 1.0",
                "Content-Type: multipart/related; boundary=b",
            ],
            boundary: "b",
            parts: [Part(headers: ["Content-Type: text/html"], body: String(decoding: page, as: UTF8.self))])
        #expect(try extract(data).metadata.url == "https://exemple.org/canonique")
    }

    @Test func failuresSayItIsAWebArchive() {
        let noPage = MHTMLFixtures.archive(
            headers: ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=b"], boundary: "b",
            parts: [Part(headers: ["Content-Type: image/png"], body: "")])
        #expect(throws: ExtractionFailure.webArchiveWithoutPage(found: ["image/png"])) {
            try extract(noPage)
        }
        #expect(
            ExtractionFailure.webArchiveWithoutPage(found: ["image/png"]).reason
                == "web archive (MHTML): no HTML page in the archive (found image/png)")
        let emptyPage = MHTMLFixtures.archive(
            headers: ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=b"], boundary: "b",
            parts: [Part(headers: ["Content-Type: text/html"], body: "")])
        #expect(throws: ExtractionFailure.emptyWebArchivePage) {
            try extract(emptyPage)
        }
        #expect(ExtractionFailure.emptyWebArchivePage.reason == "web archive (MHTML) whose page is empty")
        let uuencoded = archive(page: Array("begin 644".utf8), contentType: "text/html", encoding: "x-uuencode")
        #expect(throws: ExtractionFailure.unsupportedWebArchiveEncoding(encoding: "x-uuencode")) {
            try extract(uuencoded)
        }
        #expect(
            ExtractionFailure.unsupportedWebArchiveEncoding(encoding: "x-uuencode").reason
                == "unsupported format (web archive (MHTML): the page's transfer encoding \"x-uuencode\" is not supported)"
        )
        #expect(throws: ExtractionFailure.emptyFile) { try extract(Data()) }
    }

    @Test func documentExtractorReadsArchivesByContent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-mhtml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["page.mhtml", "page.mht", "renommée.html"] {
            let file = folder.appendingPathComponent(name)
            try MHTMLFixtures.chrome().write(to: file)
            let (format, content) = try DocumentExtractor.extract(fileAt: file)
            #expect(format == .mhtml)
            #expect(format.documentFormat == .html)
            #expect(content.metadata.url == "https://exemple.org/2023/05/17/reforme-pratique")
        }
    }
}
