import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxExtraction

@Suite struct FormatSnifferTests {
    func detect(_ bytes: [UInt8], name: String = "pdf") -> Result<DocumentFormat, ExtractionFailure> {
        do {
            return .success(try FormatSniffer.detect(Data(bytes), fileExtension: name))
        } catch {
            return .failure(error)
        }
    }

    func detect(_ text: String, name: String = "html") -> Result<DocumentFormat, ExtractionFailure> {
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
                == .notADocument(detail: "not a PDF (unknown content)"))
        #expect(detect("Bonjour, ceci est du texte.").failure == .notADocument(detail: "not a PDF (unknown content)"))
        #expect(detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).failure != nil)
        #expect(detect([UInt8]()).failure == .emptyFile)
    }
}

extension Result {
    /// The failure, or nil on success.
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
