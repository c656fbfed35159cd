import EnjeuxTestSupport
import Foundation
import PopplerKit
import Testing

/// The thin poppler wrapper: opening, errors, per-page values.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared"))
struct PDFDocumentReaderTests {
    @Test func pagesCarryTextBoxesAndFonts() throws {
        let reader = try PDFDocumentReader(data: PDFTestSupport.data("corpus/seeds/004_21255a5746c9818d.pdf"))
        #expect(reader.pageCount == 5)
        let page = try #require(reader.page(at: 0))
        #expect(page.index == 0)
        #expect(page.width == 612 && page.height == 792)
        #expect(page.label == "1")
        #expect(!page.characters.isEmpty)
        #expect(page.boxes.count == page.characters.count)
        #expect(page.runs.contains { $0.fontName.contains("Bold") && $0.fontSize == 15 })
        #expect(page.runs.allSatisfy { $0.start <= $0.end && $0.end < page.characters.count })
        #expect(reader.page(at: 5) == nil)
        #expect(reader.page(at: -1) == nil)
    }

    @Test func documentInformation() throws {
        let reader = try PDFDocumentReader(data: PDFTestSupport.data("corpus/seeds/004_21255a5746c9818d.pdf"))
        let info = reader.info
        #expect(info.title == "Dossier optimisation : constats, enjeux, pistes d’action")
        #expect(info.author == "Direction générale")
        #expect(info.creator == "Writer")
        #expect(info.creationDate == "2015-11-20")
        let xmpReader = try PDFDocumentReader(
            data: PDFTestSupport.data("corpus/pdf-samples/020-output_with_metadata_pymupdf.pdf"))
        #expect(xmpReader.info.xmp?.contains("John Doe") == true)
    }

    @Test func openErrors() throws {
        func openError(_ data: Data, password: String? = nil) -> PDFOpenError? {
            do {
                _ = try PDFDocumentReader(data: data, password: password)
                return nil
            } catch {
                return error
            }
        }
        let encrypted = try PDFTestSupport.data("corpus/broken/encrypted-aes256-user-password.pdf")
        #expect(openError(encrypted) == .passwordRequired)
        #expect(openError(encrypted, password: "") == .passwordRequired)
        #expect(openError(encrypted, password: "proprio") == .wrongPassword)
        #expect(openError(encrypted, password: "lecture2017") == nil)
        #expect(openError(encrypted, password: "proprio2017") == nil)
        guard case .damaged = openError(try PDFTestSupport.data("corpus/broken/truncated-40-percent.pdf")) else {
            Issue.record("a truncated PDF is damaged")
            return
        }
        guard case .notAPDF = openError(Data("hello".utf8)) else {
            Issue.record("text is not a PDF")
            return
        }
        guard case .notAPDF = openError(Data()) else {
            Issue.record("nothing is not a PDF")
            return
        }
    }
}
