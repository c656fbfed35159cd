import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxExtraction

/// The bad inputs of ../shared/corpus/broken get the outcome their README asks for, and
/// every PDF of pdf-samples/ and debian/ is either extracted or refused with a reason.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared"))
struct PDFHostileInputTests {
    @Test func emptyFile() throws {
        #expect(try PDFTestSupport.outcome("corpus/broken/empty.pdf").failure == .emptyFile)
    }

    @Test func truncatedFileIsDamaged() throws {
        let failure = try PDFTestSupport.outcome("corpus/broken/truncated-40-percent.pdf").failure
        guard case .damaged = failure else {
            Issue.record("expected damaged, got \(String(describing: failure))")
            return
        }
    }

    @Test func randomBytesAreNotADocument() throws {
        let failure = try PDFTestSupport.outcome("corpus/broken/random-bytes-64k.pdf").failure
        #expect(failure?.code == "not_a_document", "got \(String(describing: failure))")
    }

    @Test func htmlNamedPDFIsDetectedAsHTML() throws {
        let data = try PDFTestSupport.data("corpus/broken/html-with-pdf-extension.pdf")
        #expect(try FormatSniffer.detect(data, fileExtension: "pdf") == .html)
        let failure = try PDFTestSupport.outcome("corpus/broken/html-with-pdf-extension.pdf").failure
        #expect(failure == .missingPDFHeader, "the PDF extractor must refuse HTML")
    }

    @Test func scannedPageHasNoBlocksAndAWarningWithoutOCR() throws {
        let data = try PDFTestSupport.data("corpus/broken/scanned-no-text-layer.pdf")
        let content = try PDFExtractor().extract(data: data, options: ExtractionOptions(ocr: OCROptions(mode: .never)))
        #expect(content.pages.count == 1)
        #expect(content.pages.allSatisfy { $0.blocks.isEmpty })
        #expect(content.warnings == [.noTextLayer])
        #expect(content.warnings.first?.message == "no text layer (scanned document?)")
    }

    @Test func encryptedWithUserPassword() throws {
        let path = "corpus/broken/encrypted-aes256-user-password.pdf"
        #expect(try PDFTestSupport.outcome(path).failure == .passwordRequired)
        #expect(try PDFTestSupport.outcome(path, password: "wrong").failure == .wrongPassword)
        let unlocked = try PDFTestSupport.extract(path, password: "lecture2017")
        let original = try PDFTestSupport.extract("corpus/seeds/004_21255a5746c9818d.pdf")
        #expect(unlocked.pages == original.pages)
    }

    @Test func libreOfficePasswordSample() throws {
        let path = "corpus/pdf-samples/005-libreoffice-writer-password.pdf"
        #expect(try PDFTestSupport.outcome(path).failure == .passwordRequired)
        #expect(try PDFTestSupport.outcome(path, password: "nope").failure == .wrongPassword)
        let content = try PDFTestSupport.extract(path, password: "openpassword")
        #expect(content.pages.first?.plainText.contains("Lorem ipsum") == true)
    }

    @Test(arguments: [
        "corpus/pdf-samples/002-trivial-libre-office-writer.pdf", "corpus/pdf-samples/004-pdflatex-4-pages.pdf",
        "corpus/pdf-samples/006-pdflatex-outline.pdf", "corpus/pdf-samples/007-imagemagick-images.pdf",
        "corpus/pdf-samples/008-inline-image.pdf", "corpus/pdf-samples/010-pdflatex-forms.pdf",
        "corpus/pdf-samples/011-google-doc-document.pdf", "corpus/pdf-samples/012-libreoffice-form.pdf",
        "corpus/pdf-samples/013-reportlab-overlay.pdf", "corpus/pdf-samples/015-habibi-rotated.pdf",
        "corpus/pdf-samples/015-habibi.pdf", "corpus/pdf-samples/016-libre-office-link.pdf",
        "corpus/pdf-samples/017-unreadablemetadata.pdf", "corpus/pdf-samples/020-output_with_metadata_pymupdf.pdf",
        "corpus/pdf-samples/021-crazyones-pdfa.pdf", "corpus/pdf-samples/022-pdfkit.pdf",
        "corpus/pdf-samples/024-annotated_pdf.pdf", "corpus/pdf-samples/025-with-attachment.pdf",
        "corpus/pdf-samples/026-multicolumn.pdf", "corpus/debian/debian-faq.fr.pdf",
        "corpus/debian/developers-reference.fr.pdf",
    ])
    func sampleIsExtractedOrExplained(path: String) throws {
        switch try PDFTestSupport.outcome(path) {
        case .success(let content):
            #expect(!content.pages.isEmpty)
            let hasText = content.pages.contains { !$0.blocks.isEmpty }
            #expect(hasText || content.warnings.contains(PDFExtractor.noTextLayerWarning))
            for page in content.pages {
                for block in page.blocks {
                    #expect(!block.text.isEmpty)
                    #expect(!block.text.hasPrefix(" ") && !block.text.hasSuffix(" "))
                }
            }
        case .failure(let failure):
            #expect(!failure.reason.isEmpty)
        }
    }

    @Test func imageOnlySampleWarns() throws {
        let content = try PDFTestSupport.extract("corpus/pdf-samples/007-imagemagick-images.pdf")
        #expect(content.pages.count == 6)
        #expect(content.warnings.contains(PDFExtractor.noTextLayerWarning))
    }

    @Test func xmpMetadataIsRead() throws {
        let content = try PDFTestSupport.extract("corpus/pdf-samples/020-output_with_metadata_pymupdf.pdf")
        #expect(content.pages.first?.plainText.contains("Hello, World!") == true)
        #expect(content.metadata.title == "Sample PDF with XMP Metadata")
        #expect(content.metadata.titleSource == .xmp)
        #expect(content.metadata.authors == ["John Doe"])
    }

    @Test func multicolumnSampleReadsColumnByColumn() throws {
        let content = try PDFTestSupport.extract("corpus/pdf-samples/026-multicolumn.pdf")
        #expect(content.pages.count == 3)
        let text = PDFTestSupport.normalized(content.pages[0].plainText)
        let left = try #require(text.range(of: "This is a sample document with two columns"))
        let right = try #require(text.range(of: "pellentesque ante. Phasellus adipiscing semper elit."))
        #expect(left.lowerBound < right.lowerBound)
        #expect(text.contains("consectetuer adipiscing elit"))
    }

    /// Slow in debug builds (a few seconds): 1000 pages, memory released page by page.
    @Test func thousandPageDocument() throws {
        let content = try PDFTestSupport.extract("corpus/broken/1000-pages.pdf")
        #expect(content.pages.count == 1000)
        #expect(content.pages.map(\.number) == Array(1...1000))
        #expect(
            content.pages.allSatisfy {
                $0.plainText.range(of: #"Page \d+ de 1000"#, options: .regularExpression) == nil
            })
    }
}
