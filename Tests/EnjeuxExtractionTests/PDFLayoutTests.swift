import EnjeuxModel
import Testing

@testable import EnjeuxExtraction

/// Reading order, page furniture, block grouping and character clean-up on lines built in code.
@Suite struct PDFLayoutTests {
    static func line(
        _ text: String, x1: Double, y: Double, x2: Double, size: Double = 10, bold: Bool = false, order: Int = 0
    ) -> PDFTextLine {
        PDFTextLine(
            scalars: Array(text.unicodeScalars), x1: x1, y1: y, x2: x2, y2: y + size * 1.2, fontSize: size,
            isBold: bold, fontKey: 1, endsWithSoftHyphen: false, order: order)
    }

    @Test func twoColumnsAreReadColumnByColumn() {
        // Poppler's order interleaves the columns; the title spans both.
        let lines = [
            Self.line("Titre", x1: 50, y: 40, x2: 550, size: 16),
            Self.line("droite 1", x1: 310, y: 100, x2: 550),
            Self.line("gauche 1", x1: 50, y: 100, x2: 290),
            Self.line("droite 2", x1: 310, y: 114, x2: 550),
            Self.line("gauche 2", x1: 50, y: 114, x2: 290),
            Self.line("gauche 3", x1: 50, y: 128, x2: 290),
            Self.line("Note pleine largeur", x1: 50, y: 300, x2: 550, size: 8),
        ]
        let ordered = PDFReadingOrder.ordered(lines).map(\.text)
        #expect(
            ordered == ["Titre", "gauche 1", "gauche 2", "gauche 3", "droite 1", "droite 2", "Note pleine largeur"])
    }

    @Test func fullWidthHeadingSeparatesColumnBands() {
        let lines = [
            Self.line("A1", x1: 50, y: 100, x2: 290),
            Self.line("B1", x1: 310, y: 100, x2: 550),
            Self.line("Intertitre", x1: 50, y: 150, x2: 550, size: 14),
            Self.line("A2", x1: 50, y: 200, x2: 290),
            Self.line("B2", x1: 310, y: 200, x2: 550),
        ]
        #expect(PDFReadingOrder.ordered(lines).map(\.text) == ["A1", "B1", "Intertitre", "A2", "B2"])
    }

    @Test func runningHeadersFootersAndPageNumbersAreRemoved() {
        var pages = (1...4).map { number in
            [
                Self.line("Dossier optimisation", x1: 400, y: 40, x2: 550, size: 8),
                Self.line("Texte de la page \(number)", x1: 50, y: 300, x2: 550),
                Self.line("Page \(number) de 4", x1: 280, y: 740, x2: 320, size: 9),
            ]
        }
        pages[2].append(Self.line("— 3 —", x1: 290, y: 760, x2: 310, size: 9))
        PDFPageFurniture.removeFurniture(from: &pages, pageHeights: Array(repeating: 792, count: 4))
        #expect(pages.map { $0.map(\.text) } == (1...4).map { ["Texte de la page \($0)"] })
    }

    @Test func pageNumberKeys() {
        for text in ["12", "- 4 -", "— 4 —", "Page 3 de 12", "page 3 / 12", "p. 7", "xiv"] {
            let key = PDFPageFurniture.key(of: Self.line(text, x1: 0, y: 0, x2: 10))
            #expect(PDFPageFurniture.isPageNumber(key), "\(text) → \(key)")
        }
        #expect(!PDFPageFurniture.isPageNumber(PDFPageFurniture.key(of: Self.line("Conclusion", x1: 0, y: 0, x2: 10))))
    }

    @Test func blocksFromSpacingFontsAndBullets() {
        var lines = [
            Self.line("Un titre", x1: 50, y: 50, x2: 200, size: 16, bold: true),
            Self.line("Premier paragraphe qui occupe toute la", x1: 50, y: 80, x2: 550),
            Self.line("largeur et se termine ici.", x1: 50, y: 92, x2: 300),
            Self.line("Deuxième paragraphe après un blanc,", x1: 50, y: 112, x2: 550),
            Self.line("suite du deuxième.", x1: 50, y: 124, x2: 200),
            Self.line("• Un élément de liste qui continue", x1: 60, y: 144, x2: 550),
            Self.line("sur la ligne suivante", x1: 70, y: 156, x2: 300),
            Self.line("1 Une note de bas de page", x1: 50, y: 700, x2: 550, size: 8),
            Self.line("qui continue.", x1: 58, y: 710, x2: 200, size: 8),
        ]
        for index in lines.indices { lines[index].order = index }
        let statistics = PDFLayoutStatistics(pages: [lines])
        #expect(statistics.bodySize == 10)
        var drafts = [PDFBlockBuilder(statistics: statistics).blocks(of: lines, pageHeight: 792)]
        PDFHeadingLevels.assign(to: &drafts, bodySize: statistics.bodySize)
        let assembler = PDFTextAssembler(
            hyphenation: PDFHyphenation(documentWords: [:], wordList: PDFFrenchWordList(words: [])))
        let blocks = drafts[0].map { Block(kind: $0.kind, text: assembler.text(of: $0), level: $0.level) }
        #expect(
            blocks == [
                Block(kind: .heading, text: "Un titre", level: 1),
                Block(kind: .paragraph, text: "Premier paragraphe qui occupe toute la largeur et se termine ici."),
                Block(kind: .paragraph, text: "Deuxième paragraphe après un blanc, suite du deuxième."),
                Block(kind: .listItem, text: "Un élément de liste qui continue sur la ligne suivante"),
                Block(kind: .footnote, text: "1 Une note de bas de page qui continue."),
            ])
    }

    @Test func characterClean_up() {
        var output: [Unicode.Scalar] = []
        let softHyphenSeen = "e\u{FB03}cace  \u{00AD}et\u{00A0} \u{202F}x\t\u{FB00}".unicodeScalars.map {
            PDFCharacterNormalizer.append($0, to: &output)
        }
        #expect(PDFScalarText.string(output) == "efficace et\u{00A0}x ff")
        #expect(softHyphenSeen.filter { $0 }.count == 1)
        var kept: [Unicode.Scalar] = []
        for scalar in "Œuvre \u{FB06} æ".unicodeScalars { PDFCharacterNormalizer.append(scalar, to: &kept) }
        #expect(PDFScalarText.string(kept) == "Œuvre st æ")
    }
}

@Suite struct PDFFrenchSpacingTests {
    @Test func noBreakSpacesAreRestoredAroundFrenchPunctuation() {
        var scalars = Array("moins « productifs » : 12 % ; ok ? a:b".unicodeScalars)
        PDFFrenchSpacing.restoreNoBreakSpaces(in: &scalars)
        #expect(PDFScalarText.string(scalars) == "moins «\u{00A0}productifs\u{00A0}»\u{00A0}: 12\u{00A0}% ; ok ? a:b")
    }
}
