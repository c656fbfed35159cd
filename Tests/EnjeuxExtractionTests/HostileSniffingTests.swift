import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxExtraction

/// Issue 24, item 7: pages that were refused as "not a PDF": UTF-16 without a byte-order mark,
/// a comment longer than the first kilobyte; and a `.html` file that is not a page says what
/// it seems to be.
@Suite struct HostileSniffingTests {
    static let page =
        "<!DOCTYPE html><html><head><title>Note</title></head><body><p>L’autonomie des équipes.</p></body></html>"

    static func utf16(_ text: String, littleEndian: Bool) -> Data {
        var data = Data()
        for unit in text.utf16 {
            let bytes = littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            data.append(contentsOf: bytes)
        }
        return data
    }

    @Test(arguments: [true, false]) func utf16WithoutByteOrderMarkIsHTML(littleEndian: Bool) throws {
        let data = Self.utf16(Self.page, littleEndian: littleEndian)
        #expect(try FormatSniffer.detect(data, fileExtension: "html") == .html)
        let content = try HTMLExtractor().extract(data: data)
        #expect(content.pages.flatMap(\.blocks).map(\.text).contains("L’autonomie des équipes."))
    }

    @Test func aLongOpeningCommentIsSkipped() throws {
        let comment = "<!-- " + String(repeating: "enregistré par un aspirateur de sites ", count: 200) + "-->\n"
        #expect(comment.utf8.count > 4 * FormatSniffer.headLength)
        let data = Data((comment + Self.page).utf8)
        #expect(try FormatSniffer.detect(data, fileExtension: "html") == .html)
        #expect(try FormatSniffer.detect(data, fileExtension: "pdf") == .html)
    }

    @Test func plainUTF8TextIsNotTakenForUTF16() {
        #expect(UTF16BytePattern.endianness(of: Array("Une note sans balise, en français.".utf8)) == nil)
    }

    @Test func aNonPageNamedHTMLSaysWhatItSeemsToBe() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let cases: [(Data, String)] = [
            (Data(png), "a PNG image"),
            (Data("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>".utf8), "a news feed (XML <rss>)"),
            (Data([0x00, 0x01, 0x02, 0xFF, 0x10, 0x00, 0x07]), "binary data"),
        ]
        for (data, expected) in cases {
            do {
                _ = try FormatSniffer.detect(data, fileExtension: "html")
                Issue.record("accepted \(expected) as a page")
            } catch {
                #expect(error == .notADocument(detail: "not an HTML page: it seems to be \(expected)"))
                #expect(!error.reason.contains("PDF"))
            }
        }
    }
}
