import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxExtraction

/// Issue 3, cross-format agreement: the Debian manuals exist as PDF and as HTML. At least
/// 97 % of the HTML body words (see `WordAlignment.words` for the normalisation) must be
/// found in the same order in the PDF extraction (word-level longest common subsequence,
/// computed as an anchored lower bound; footnotes aligned apart, see `matchedMask`), and no running header or footer of the PDF
/// (found independently with `pdftotext -layout`) may remain in the body text.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared"))
struct PDFCrossFormatTests {
    static let threshold = 0.97

    private func htmlWords(_ relativePath: String) throws -> [String] {
        let content = try HTMLExtractor().extract(data: PDFTestSupport.data(relativePath))
        return WordAlignment.words(content.pages.map(\.plainText).joined(separator: "\n\n"))
    }

    private func pdfText(_ content: ExtractedContent, footnotes: Bool) -> String {
        content.pages.flatMap(\.blocks).filter { ($0.kind == .footnote) == footnotes }.map(\.text)
            .joined(separator: "\n\n")
    }

    /// HTML words matched in order in the PDF body, then, for the words left over, in
    /// order in the PDF footnotes: a PDF sets each note at the foot of its page, the HTML
    /// at the end of the page or chapter, so the notes are aligned on their own.
    private func matchedMask(_ html: [String], _ pdf: ExtractedContent) -> [Bool] {
        var mask = WordAlignment.matchedMask(html, WordAlignment.words(pdfText(pdf, footnotes: false)))
        let leftover = html.indices.filter { !mask[$0] }
        let notes = WordAlignment.matchedMask(
            leftover.map { html[$0] }, WordAlignment.words(pdfText(pdf, footnotes: true)))
        for (position, index) in leftover.enumerated() where notes[position] { mask[index] = true }
        return mask
    }

    @Test func developersReferenceAgrees() throws {
        let html = try htmlWords("corpus/debian/developers-reference.fr.html")
        let pdf = try PDFTestSupport.extract("corpus/debian/developers-reference.fr.pdf")
        let mask = matchedMask(html, pdf)
        let ratio = Double(mask.filter { $0 }.count) / Double(max(html.count, 1))
        print("cross-format developers-reference: \(String(format: "%.4f", ratio)) of \(html.count) HTML words")
        #expect(html.count > 10_000)
        #expect(ratio >= Self.threshold)
    }

    /// The FAQ chapters in the order of the HTML index, aligned one after the other: the
    /// alignment is monotone, so each chapter is matched in the PDF text after the
    /// previous chapter's match. The figure is given per chapter and for the whole.
    @Test func faqAgrees() throws {
        let folder = "corpus/debian/debian-faq-fr-html/"
        let index = try PDFTestSupport.data(folder + "index.fr.html")
        let indexText = String(decoding: index, as: UTF8.self)
        var chapters: [String] = []
        let pattern = try NSRegularExpression(pattern: #"href="([a-z-]+\.fr\.html)"#)
        for match in pattern.matches(in: indexText, range: NSRange(indexText.startIndex..., in: indexText)) {
            guard let range = Range(match.range(at: 1), in: indexText) else { continue }
            let name = String(indexText[range])
            if name != "index.fr.html", !chapters.contains(name) { chapters.append(name) }
        }
        #expect(chapters.count == 16)
        var html: [String] = []
        var bounds: [(String, Range<Int>)] = []
        for chapter in chapters {
            let words = try htmlWords(folder + chapter)
            bounds.append((chapter, html.count..<(html.count + words.count)))
            html += words
        }
        let pdf = try PDFTestSupport.extract("corpus/debian/debian-faq.fr.pdf")
        let mask = matchedMask(html, pdf)
        for (chapter, range) in bounds {
            let matched = mask[range].filter { $0 }.count
            let ratio = Double(matched) / Double(max(range.count, 1))
            print("cross-format debian-faq \(chapter): \(String(format: "%.4f", ratio)) of \(range.count)")
        }
        let ratio = Double(mask.filter { $0 }.count) / Double(max(html.count, 1))
        print("cross-format debian-faq: \(String(format: "%.4f", ratio)) of \(html.count) HTML words")
        #expect(ratio >= Self.threshold)
    }

    @Test(
        .enabled(if: PDFLayoutReference.isAvailable, "needs pdftotext (poppler-utils)"),
        arguments: ["corpus/debian/developers-reference.fr.pdf", "corpus/debian/debian-faq.fr.pdf"])
    func noRunningLineRemains(path: String) throws {
        let url = try #require(SharedData.url(path))
        let running = PDFLayoutReference.runningPieces(of: try PDFLayoutReference.pages(of: url))
        print("running header/footer pieces of \(path): \(running.keys.sorted())")
        #expect(!running.isEmpty)
        let content = try PDFTestSupport.extract(path)
        var leftovers: [String] = []
        for page in content.pages {
            for block in page.blocks {
                // The first page showing a piece may carry it as that page's own heading
                // (a table of contents titled like its running header): allowed there.
                let key = PDFLayoutReference.collapsed(block.text)
                if let first = running[key], block.kind == .heading, first == page.number - 1 { continue }
                if running[key] != nil || running.keys.contains(where: { $0.count > 20 && key.contains($0) }) {
                    leftovers.append("p. \(page.number): \(block.text.prefix(80))")
                }
            }
        }
        #expect(leftovers.isEmpty, "running lines left in the body: \(leftovers.prefix(10))")
    }
}
