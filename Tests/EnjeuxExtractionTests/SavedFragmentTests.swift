import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxExtraction

/// Files named `.html` that are not whole pages, read through `DocumentExtractor` as the
/// pipeline reads them: fragments, text, byte-order marks and UTF-16.
@Suite struct SavedFragmentTests {
    func extract(_ bytes: [UInt8], name: String) throws -> (FileFormat, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "enjeux-fragment-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let (format, content) = try DocumentExtractor.extract(fileAt: file)
        return (format, content.pages.map(\.plainText).joined(separator: "\n\n"))
    }

    func utf16(_ text: String, littleEndian: Bool = true) -> [UInt8] {
        (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF])
            + text.utf16.flatMap {
                littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)]
            }
    }

    @Test func fragmentsAreReadAsHTML() throws {
        let fragment =
            "<div class=\"corps\"><h2>Constat</h2><p>Les délais s’allongent.</p><ul><li>Un</li><li>Deux</li></ul></div>"
        #expect(
            try extract(Array(fragment.utf8), name: "corps.html") == (
                .html, "Constat\n\nLes délais s’allongent.\n\nUn\n\nDeux"
            ))
        #expect(try extract([0xEF, 0xBB, 0xBF] + Array(fragment.utf8), name: "corps.htm").1.hasPrefix("Constat"))
        #expect(try extract(utf16(fragment), name: "corps.html").1.hasSuffix("Les délais s’allongent.\n\nUn\n\nDeux"))
        #expect(try extract(utf16(fragment, littleEndian: false), name: "corps.html").1.hasPrefix("Constat"))
        // Text first, markup later.
        #expect(
            try extract(Array("Début en texte, puis <em>une emphase</em>.".utf8), name: "x.html").1
                == "Début en texte, puis une emphase.")
    }

    @Test func plainTextKeepsItsParagraphs() throws {
        let text =
            "Titre du témoignage\r\n\r\nPremière ligne\r\nsuite de la ligne & fin > ici.\r\n\r\n\r\nDernier paragraphe."
        let expected = "Titre du témoignage\n\nPremière ligne suite de la ligne & fin > ici.\n\nDernier paragraphe."
        #expect(try extract(Array(text.utf8), name: "temoignage.html") == (.html, expected))
        #expect(try extract(utf16(text), name: "temoignage.html").1 == expected)
        #expect(try extract([0xEF, 0xBB, 0xBF] + Array(text.utf8), name: "temoignage.htm").1 == expected)
        // windows-1252 text without any declaration is sniffed.
        let latin: [UInt8] =
            Array("Le comit".utf8) + [0xE9] + Array(" a d".utf8) + [0xE9, 0x63, 0x69, 0x64, 0xE9, 0x2E]
        #expect(try extract(latin, name: "note.html").1 == "Le comité a décidé.")
        // Entities are not read in text: what is written is what is shown.
        #expect(try extract(Array("R&D, &eacute; et &amp;".utf8), name: "r.html").1 == "R&D, &eacute; et &amp;")
    }

    @Test func textOrBinaryUnderOtherNamesIsRefused() {
        #expect(throws: ExtractionFailure.unrecognizedContent) {
            try extract(Array("Du texte dans un faux PDF.".utf8), name: "faux.pdf")
        }
        // A zip is opened whatever its name: this one is cut short.
        #expect(throws: ExtractionFailure.damagedDocument(detail: "not a readable zip archive")) {
            try extract([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00], name: "archive.html")
        }
    }
}
