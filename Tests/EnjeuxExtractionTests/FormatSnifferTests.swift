import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxExtraction

@Suite struct FormatSnifferTests {
    func detect(_ bytes: [UInt8], name: String = "pdf") -> Result<FileFormat, ExtractionFailure> {
        do {
            return .success(try FormatSniffer.detect(Data(bytes), fileExtension: name))
        } catch {
            return .failure(error)
        }
    }

    func detect(_ text: String, name: String = "html") -> Result<FileFormat, ExtractionFailure> {
        detect(Array(text.utf8), name: name)
    }

    @Test func pdfHeaderAnywhereInTheFirstKilobyte() {
        #expect(detect("%PDF-1.7\n%âãÏÓ\n", name: "html") == .success(.pdf))
        #expect(detect(String(repeating: " ", count: 1000) + "%PDF-1.4", name: "bin") == .success(.pdf))
        #expect(detect(String(repeating: " ", count: 1030) + "%PDF-1.4").failure != nil)
    }

    @Test func htmlMarkers() {
        #expect(detect("<!DOCTYPE html><html><body>x</body></html>", name: "pdf") == .success(.html))
        #expect(detect("\u{FEFF}  \n<html lang=\"fr\">") == .success(.html))
        #expect(detect("<!-- saved page -->\n<HTML><HEAD><TITLE>x</TITLE>") == .success(.html))
        #expect(detect("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">") == .success(.html))
        #expect(detect("<head><meta charset=utf-8></head>") == .success(.html))
        #expect(detect("<body><p>texte</p></body>") == .success(.html))
    }

    @Test func fragmentsWithoutWrapperAreHTML() {
        #expect(detect("<div class=\"article\"><p>Texte</p></div>") == .success(.html))
        #expect(detect("\n<p>Premier paragraphe.</p><p>Second.</p>", name: "htm") == .success(.html))
        #expect(detect("<!-- extrait -->\n<ARTICLE>\n<h1>Titre</h1>") == .success(.html))
        #expect(detect("<h2 id=x>Titre</h2>") == .success(.html))
        #expect(detect("<pa>texte</pa>").failure != nil)
        #expect(detect("<rss version=\"2.0\"><channel/></rss>").failure != nil)
    }

    @Test func utf16WithByteOrderMark() {
        let text = "<!DOCTYPE html><html><body>é</body></html>"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(detect(little) == .success(.html))
        #expect(detect(big) == .success(.html))
    }

    @Test func otherContentIsRefused() {
        #expect(
            detect("<?xml version=\"1.0\"?><rss><channel/></rss>").failure
                == .notADocument(detail: "not an HTML page: it seems to be a news feed (XML <rss>)"))
        #expect(
            detect("Bonjour, ceci est du texte.", name: "pdf").failure
                == .unrecognizedContent)
        #expect(detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).failure != nil)
        #expect(detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], name: "html").failure != nil)
        #expect(detect("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>").failure != nil)
        #expect(detect([UInt8]()).failure == .emptyFile)
    }

    @Test func textWithoutMarkupInAnHTMLFileIsHTML() {
        #expect(detect("Bonjour, ceci est du texte.\n\nUn second paragraphe.") == .success(.html))
        #expect(detect("  Texte puis <b>gras</b>.", name: "HTM") == .success(.html))
        #expect(detect("\u{FEFF}Texte précédé d’une marque d’ordre.", name: "xhtml") == .success(.html))
        let text = "Texte en UTF-16, « avec guillemets »."
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(detect(little, name: "html") == .success(.html))
        #expect(detect(big, name: "htm") == .success(.html))
        // windows-1252 text: a few bytes that are not UTF-8 do not make it binary.
        #expect(
            detect(Array("D".utf8) + [0xE9] + Array("cision prise en comit".utf8) + [0xE9], name: "html")
                == .success(.html))
        // Only a name that promises HTML makes text HTML.
        #expect(detect("Du texte.", name: "mhtml").failure != nil)
        #expect(detect("   \n  ").failure != nil)
    }

    static let chromeHeader = """
        From: <Saved by Blink>\r
        Snapshot-Content-Location: https://exemple.org/article\r
        Subject: Article\r
        MIME-Version: 1.0\r
        Content-Type: multipart/related;\r
        \ttype="text/html";\r
        \tboundary="----MultipartBoundary--x----"\r
        \r
        """

    @Test func webArchivesByTheirMIMEHeader() {
        #expect(detect(Self.chromeHeader, name: "mhtml") == .success(.mhtml))
        #expect(detect(Self.chromeHeader, name: "html") == .success(.mhtml))
        #expect(
            detect("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n", name: "pdf")
                == .success(.mhtml))
        // Named .mht or .mhtml: any multipart or HTML content type will do.
        #expect(detect("Content-Type: text/html; charset=utf-8\n\n<p>x</p>", name: "mht") == .success(.mhtml))
        #expect(
            detect("MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n", name: "MHT")
                == .success(.mhtml))
        // Elsewhere, MIME-Version and multipart/related are both needed.
        #expect(detect("Content-Type: text/html\n\n<p>x</p>", name: "html") == .success(.html))
        #expect(
            detect("MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n", name: "pdf").failure != nil
        )
        #expect(detect("MIME-Version: 1.0\nContent-Type: image/png\n\n", name: "mhtml").failure != nil)
        // Markup with a colon is not a header.
        #expect(detect("<p>Note: MIME-Version: 1.0</p>", name: "mhtml") == .success(.html))
    }
}

extension Result {
    /// The failure, or nil on success.
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
