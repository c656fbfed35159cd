import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import TesseractKit
import Testing

@testable import EnjeuxExtraction

/// Issue 20: ruled tables of scanned pages read cell by cell, on level and slanted scans.
@Suite struct OCRRuledTablesTests {
    /// A white page with rectangles of ink drawn on it.
    struct Canvas {
        var image: OCRGrayImage

        init(width: Int = 1400, height: Int = 1000) {
            image = OCRGrayImage(width: width, height: height, pixels: Array(repeating: 255, count: width * height))
        }

        mutating func fill(left: Int, top: Int, right: Int, bottom: Int, grey: UInt8) {
            for y in top...bottom {
                for x in left...right { image.pixels[y * image.width + x] = grey }
            }
        }
    }

    /// A table at 300 dpi: a dark header band over the whole width, two rows of three cells
    /// between grey rules, and short strokes of text in the cells.
    static func table() -> Canvas {
        var canvas = Canvas()
        canvas.fill(left: 100, top: 100, right: 1100, bottom: 160, grey: 80)
        canvas.fill(left: 130, top: 120, right: 260, bottom: 140, grey: 255)  // header letters
        for y in [300, 500] { canvas.fill(left: 100, top: y, right: 1100, bottom: y + 2, grey: 127) }
        for x in [100, 450, 800, 1098] { canvas.fill(left: x, top: 161, right: x + 2, bottom: 502, grey: 127) }
        for (x, y) in [(130, 200), (480, 220), (830, 350), (130, 420)] {
            for letter in 0..<6 {
                canvas.fill(left: x + letter * 20, top: y, right: x + letter * 20 + 3, bottom: y + 28, grey: 0)
            }
        }
        return canvas
    }

    @Test func cellsComeRowByRowWithTheHeaderFilled() throws {
        let tables = OCRRuledTables.find(in: Self.table().image, resolution: 300)
        let table = try #require(tables.first)
        #expect(tables.count == 1)
        #expect(table.box == OCRBox(left: 100, top: 100, right: 1100, bottom: 502))
        #expect(table.cells.count == 7)
        #expect(table.cells.map(\.isFilled) == [true, false, false, false, false, false, false])
        let header = table.cells[0].box
        #expect(header.left <= 110 && header.right >= 1090 && header.top >= 100 && header.bottom <= 160)
        // Row by row, left to right, each cell inside its rules.
        let lefts = table.cells.dropFirst().map(\.box.left)
        let tops = table.cells.dropFirst().map(\.box.top)
        #expect(lefts == [105, 455, 805, 105, 455, 805])
        #expect(tops == [163, 163, 163, 305, 305, 305])
        #expect(table.cells[1].box.right < 450 && table.cells[3].box.right < 1098)
        #expect(table.cells[4].box.bottom < 500)
    }

    @Test func rulesWithoutVerticalsOrStrokesAloneAreNoTable() {
        var rules = Canvas()
        for y in [200, 600] { rules.fill(left: 100, top: y, right: 1100, bottom: y + 2, grey: 0) }
        #expect(OCRRuledTables.find(in: rules.image, resolution: 300).isEmpty)

        // Tall letters between two rules, touching neither.
        for x in stride(from: 200, to: 900, by: 40) {
            rules.fill(left: x, top: 300, right: x + 4, bottom: 400, grey: 0)
        }
        #expect(OCRRuledTables.find(in: rules.image, resolution: 300).isEmpty)

        // Framed boxes one above the other, the lower one wider (form fields), are no table:
        // Tesseract reads each with its label.
        var fields = Canvas()
        for y in [200, 260] { fields.fill(left: 400, top: y, right: 700, bottom: y + 2, grey: 0) }
        fields.fill(left: 400, top: 320, right: 900, bottom: 322, grey: 0)
        for x in [400, 698] { fields.fill(left: x, top: 200, right: x + 2, bottom: 262, grey: 0) }
        for x in [400, 898] { fields.fill(left: x, top: 260, right: x + 2, bottom: 322, grey: 0) }
        #expect(OCRRuledTables.find(in: fields.image, resolution: 300).isEmpty)

        var text = Canvas()
        for row in 0..<20 {
            for letter in 0..<40 {
                let x = 100 + letter * 28
                text.fill(left: x, top: 60 + row * 45, right: x + 16, bottom: 60 + row * 45 + 28, grey: 0)
            }
        }
        #expect(OCRRuledTables.horizontalBands(in: text.image, minimumLength: 75).isEmpty)
        #expect(OCRRuledTables.find(in: text.image, resolution: 300).isEmpty)
    }

    /// A page ruled like graph paper is no table: read as a page, not as thousands of cells.
    @Test func gridPatternIsLeftToTesseract() {
        // Rows 12 pixels high and columns 38 wide: cells, but more than a page of tables has.
        var grid = Canvas(width: 1400, height: 7300)
        for y in stride(from: 0, to: 7290, by: 14) { grid.fill(left: 0, top: y, right: 1399, bottom: y + 1, grey: 0) }
        for x in stride(from: 0, to: 1390, by: 40) { grid.fill(left: x, top: 0, right: x + 1, bottom: 7299, grey: 0) }
        #expect(OCRRuledTables.horizontalBands(in: grid.image, minimumLength: 150).count > OCRRuledTables.maximumBands)
        #expect(OCRRuledTables.find(in: grid.image, resolution: 300).isEmpty)
    }

    @Test func skewIsMeasuredAndLevelled() throws {
        let level = Self.table().image
        for degrees in [1.0, -1.5, 0.4] {
            // The table turned so that its rules descend by `degrees`.
            let slanted = OCRSkew.deskewed(level, by: -degrees)
            let angle = OCRSkew.angle(of: slanted)
            #expect(abs(angle - degrees) <= 0.1, "\(degrees)° measured as \(angle)°")
            // Slanted, the rules do not run along rows; levelled again, the table is found whole.
            let upright = OCRSkew.deskewed(slanted, by: angle)
            let table = try #require(OCRRuledTables.find(in: upright, resolution: 300).first)
            #expect(table.cells.count == 7)
            #expect(table.cells.first?.isFilled == true)
        }
        #expect(OCRSkew.angle(of: level) == 0)
    }

    @Test func tableLinesGoInBeforeTheTextBelow() {
        func line(_ word: String, top: Int, block: Int, paragraph: Int) -> OCRLine {
            let box = OCRBox(left: 0, top: top, right: 100, bottom: top + 20)
            return OCRLine(
                words: [OCRWord(text: word, box: box, confidence: 90)], box: box, ascent: 15, paragraph: paragraph,
                block: block)
        }
        var label = line("libellé", top: 160, block: 1, paragraph: 1)
        label.box.right = 90  // beside the table, on its left
        let text = [
            line("avant", top: 10, block: 0, paragraph: 0), label, line("après", top: 500, block: 2, paragraph: 2),
        ]
        let cells = [
            line("un", top: 200, block: 0, paragraph: 0), line("deux", top: 230, block: 0, paragraph: 0),
            line("trois", top: 200, block: 1, paragraph: 0),
        ]
        let merged = PDFOCRTables.merged(text, tables: [(OCRBox(left: 100, top: 150, right: 600, bottom: 400), cells)])
        #expect(merged.map { $0.words[0].text } == ["avant", "libellé", "un", "deux", "trois", "après"])
        #expect(merged.map(\.paragraph) == [0, 1, 2, 2, 3, 4])
        #expect(merged.map(\.block) == [0, 1, 2, 2, 3, 4])
    }

    static let leftCell = [
        "Les équipes notent une hausse", "des cibles de performance et", "une perte de temps clinique",
        "auprès des familles suivies.",
    ]
    static let rightCell = [
        "Documenter les situations où", "la charge de travail empêche", "un suivi conforme aux normes",
        "de la profession.",
    ]

    /// A scanned page (its text layer is ignored: `--ocr always`) with a paragraph, a ruled table
    /// whose two cells have lines at the same heights, and a paragraph below.
    @Test func scannedTableIsReadCellByCell() throws {
        let above = ["Le groupe de travail a recensé les constats suivants", "dans les établissements du réseau."]
        let below = ["Ces pistes seront discutées lors de la prochaine rencontre."]
        var content = SyntheticPDF.text(above, x: 72, y: 720)
        content += "0.15 0.25 0.55 rg 72 640 468 24 re f\n1 g\n"
        content +=
            SyntheticPDF.text(["Constats"], x: 80, y: 648) + SyntheticPDF.text(["Pistes d’action"], x: 314, y: 648)
        content +=
            "0 g 0.5 G 1 w 72 560 m 540 560 l S 72 560 m 72 640 l S 306 560 m 306 640 l S 540 560 m 540 640 l S\n"
        content += SyntheticPDF.text(Self.leftCell, x: 80, y: 624) + SyntheticPDF.text(Self.rightCell, x: 314, y: 624)
        content += SyntheticPDF.text(below, x: 72, y: 520)
        let data = SyntheticPDF.page(content: content)

        let extracted = try PDFExtractor().extract(
            data: data, options: ExtractionOptions(ocr: OCROptions(mode: .always, threads: 2)))
        let page = try #require(extracted.pages.first)
        #expect(page.textSource == .ocr)
        let reference = WordAlignment.words(
            (above + ["Constats", "Pistes d’action"] + Self.leftCell + Self.rightCell + below).joined(separator: " "))
        let words = WordAlignment.words(page.plainText)
        let matched = WordAlignment.matchedMask(reference, words).filter { $0 }.count
        #expect(Double(matched) / Double(reference.count) >= 0.95, "\(page.plainText)")
        // Each cell is a block of its own: its lines are never mixed with the other cell's.
        let blocks = page.blocks.map(\.text)
        #expect(blocks.contains { $0.contains("hausse des cibles de performance") }, "\(blocks)")
        #expect(blocks.contains { $0.contains("Documenter les situations") && $0.contains("de la profession") })
        #expect(!blocks.contains { $0.contains("hausse") && $0.contains("Documenter") })
    }
}
