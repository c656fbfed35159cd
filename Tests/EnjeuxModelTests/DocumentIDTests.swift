import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

@Suite struct DocumentIDTests {
    @Test func readableSlugWithHashSuffix() {
        let id = DocumentID.make(relativePath: "Rapport d'évaluation Lean 2016.pdf")
        #expect(id.hasPrefix("rapport-d-evaluation-lean-2016-pdf-"))
        #expect(id.count == "rapport-d-evaluation-lean-2016-pdf-".count + 10)
    }

    @Test func safeForAnyFileName() {
        let awkward = [
            "a b/c#d\"e'f.pdf", "Mémoire « final » (v2).html", "œuvre/Æther.htm", "###.pdf", "../x.pdf",
            "日本語.html", String(repeating: "très long nom ", count: 20) + ".pdf",
        ]
        for path in awkward {
            let id = DocumentID.make(relativePath: path)
            #expect(!id.isEmpty)
            #expect(id.count <= 71)
            #expect(
                id.unicodeScalars.allSatisfy {
                    ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "-"
                })
            #expect(!id.hasPrefix("-"))
        }
    }

    @Test func stableAndDistinct() {
        #expect(DocumentID.make(relativePath: "a/b.pdf") == DocumentID.make(relativePath: "a/b.pdf"))
        // Same slug, different paths: the hash keeps them apart.
        #expect(DocumentID.make(relativePath: "a b.pdf") != DocumentID.make(relativePath: "a-b.pdf"))
        #expect(DocumentID.make(relativePath: "Été.pdf") != DocumentID.make(relativePath: "ete.pdf"))
    }

    @Test func slugFoldsLigaturesAndAccents() {
        #expect(Slug.make("Œuvre à l’Ordre", maxLength: 60) == "oeuvre-a-l-ordre")
    }
}

@Suite struct AtomicFileTests {
    @Test func replacesContentAndLeavesNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.json")
        try AtomicFile.write("premier", to: target)
        try AtomicFile.write("second", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
    }

    @Test func scalarSliceCountsUnicodeScalars() {
        let text = "e\u{301}té 🇨🇦 l’Ordre"
        #expect(text.scalarSlice(0, 2) == "e\u{301}")
        #expect(text.scalarSlice(5, 7) == "🇨🇦")
        #expect(text.scalarSlice(8, 100) == "l’Ordre")
        #expect(text.scalarSlice(-3, 1) == "e")
    }
}
