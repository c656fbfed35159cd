import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxEvidence

@Suite("Workbook")
struct WorkbookTests {
    @Test func sheetNamesAreValidShortAndUnique() {
        var names = SheetNames()
        #expect(names.claim("Tous les enjeux") == "Tous les enjeux")
        #expect(names.claim("TOUS LES ENJEUX") == "TOUS LES ENJEUX (2)")
        #expect(names.claim("a/b:c*d?e[f]g\\h") == "a_b_c_d_e_f_g_h")
        #expect(names.claim("'cité'") == "cité")
        #expect(names.claim(" \t ") == "Feuille")
        #expect(names.claim("ligne\nsuivante") == "ligne suivante")
        #expect(names.claim("history") == "history (2)")
        let long = "Déontologie et normes professionnelles"
        let first = names.claim(long)
        let second = names.claim(long)
        #expect(first == "Déontologie et normes professio")
        #expect(second == "Déontologie et normes profe (2)")
        #expect(first.utf16.count == 31 && second.utf16.count == 31)
        // A character is never split: 👩‍⚕️ is 5 UTF-16 units.
        let emoji = names.claim(String(repeating: "a", count: 28) + "👩‍⚕️")
        #expect(emoji == String(repeating: "a", count: 28))
    }

    @Test func textIsEscapedForXMLAndDecodesBack() {
        #expect(SpreadsheetText.escaped("a & b < c > d \"e\"") == "a &amp; b &lt; c &gt; d \"e\"")
        #expect(SpreadsheetText.escaped("\"e\"", attribute: true) == "&quot;e&quot;")
        #expect(SpreadsheetText.escaped("bip\u{07}\u{0B}\u{1F}fin") == "bip_x0007__x000B__x001F_fin")
        #expect(SpreadsheetText.escaped("a\tb\nc\rd") == "a\tb\nc&#13;d")
        #expect(SpreadsheetText.escaped("\u{FFFE}\u{FFFF}") == "_xFFFE__xFFFF_")
        #expect(SpreadsheetText.escaped("_x0041_ et _x12_ et _xABcd_") == "_x005F_x0041_ et _x12_ et _x005F_xABcd_")
        #expect(SpreadsheetText.escaped("« L’œuvre » 👩‍⚕️") == "« L’œuvre » 👩‍⚕️")
    }

    @Test func cellReferencesAndNumbers() {
        #expect(
            [0, 25, 26, 51, 52, 701, 702].map(WorksheetXML.columnName) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
        #expect(WorksheetXML.numberText(12) == "12")
        #expect(WorksheetXML.numberText(0.8123) == "0.8123")
        #expect(WorksheetXML.numberText(-2.5) == "-2.5")
        #expect(WorksheetXML.numberText(.nan) == nil)
        #expect(WorksheetXML.numberText(.infinity) == nil)
    }

    @Test func longTextIsCutToWhatACellHolds() {
        let long = String(repeating: "é", count: 40_000)
        let cut = SharedStrings.fitted(long)
        #expect(cut.utf16.count == SharedStrings.maximumCellLength)
        #expect(cut.hasSuffix("é…"))
        #expect(SharedStrings.fitted("court") == "court")
    }

    @Test func evidenceWorkbookHasTheRowsOfTheCSVFiles() throws {
        let issues = EvidenceBuilder.build(Fixture.varied())
        let workbook = try XLSXReader(EvidenceWorkbook.xlsx(issues))
        #expect(try workbook.sheetNames == ["Tous les enjeux", "autonomie", "indicateurs"])
        let expected = [issues.flatMap(\.entries), issues[0].entries, issues[1].entries]
        for (sheet, entries) in expected.enumerated() {
            let rows = try workbook.rows(ofSheet: sheet)
            #expect(rows.first == EvidenceRenderer.csvHeader.map { .text($0) })
            #expect(rows.count == entries.count + 1)
            for (cells, entry) in zip(rows.dropFirst(), entries) {
                let fields = EvidenceRenderer.csvRow(entry)
                #expect(cells.count <= fields.count)
                for (column, field) in fields.enumerated() {
                    let cell = column < cells.count ? cells[column] : nil
                    switch EvidenceRenderer.csvHeader[column] {
                    case _ where field.isEmpty: #expect(cell == nil)
                    case "rang", "score": #expect(cell == .number(field))
                    case "page" where Int(field) != nil: #expect(cell == .number(field))
                    default: #expect(cell == .text(field), "column \(column)")
                    }
                }
            }
        }
        let passages = try workbook.rows(ofSheet: 0).dropFirst().map { $0[3] }
        #expect(passages.contains(.text("Les statistiques * et les _cibles_ [quotas]\nremplacent le jugement.")))
        let pages = try workbook.rows(ofSheet: 0).dropFirst().map { $0.count > 6 ? $0[6] : nil }
        #expect(pages.contains(.text("iii")) && pages.contains(.number("12")) && pages.contains(.text("4-5")))
    }

    @Test func sheetsHaveAFrozenHeaderAndColumnWidths() throws {
        let workbook = try XLSXReader(EvidenceWorkbook.xlsx(EvidenceBuilder.build(Fixture.varied())))
        for index in 0..<3 {
            let elements = try XMLElements.parse(workbook.part("xl/worksheets/sheet\(index + 1).xml"))
            let pane = try #require(elements.first { $0.name == "pane" })
            #expect(pane.attributes["state"] == "frozen" && pane.attributes["ySplit"] == "1")
            #expect(pane.attributes["topLeftCell"] == "A2")
            let view = try #require(elements.first { $0.name == "sheetView" })
            #expect((view.attributes["tabSelected"] == "1") == (index == 0))
            let widths = elements.filter { $0.name == "col" }.compactMap { Int($0.attributes["width"] ?? "") }
            #expect(widths.count == 10)
            #expect(widths[0] == 8 && widths[3] > 40 && widths[3] <= 90, "\(widths)")
            // Header cells are bold (style 1); passages wrap (style 3).
            let cells = elements.filter { $0.name == "c" }
            #expect(cells.prefix(10).allSatisfy { $0.attributes["s"] == "1" })
            #expect(cells.first { $0.attributes["r"] == "D2" }?.attributes["s"] == "3")
        }
    }

    @Test func packageHasTheSpreadsheetMLPartsInAFixedOrderAndDate() throws {
        let issues = EvidenceBuilder.build(Fixture.varied())
        let data = try EvidenceWorkbook.xlsx(issues)
        #expect(try EvidenceWorkbook.xlsx(issues) == data, "two renderings differ")
        let workbook = try XLSXReader(data)
        #expect(
            workbook.entries.map(\.path) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
                "xl/sharedStrings.xml",
            ])
        let date = Date(timeIntervalSince1970: 315_532_800)
        #expect(workbook.entries.allSatisfy { $0.date == date })
        for entry in workbook.entries { _ = try XMLElements.parse(entry.data) }
        let types = try workbook.text("[Content_Types].xml")
        #expect(types.contains("PartName=\"/xl/worksheets/sheet3.xml\""))
        #expect(types.contains("PartName=\"/xl/sharedStrings.xml\""))
        let relations = try workbook.text("xl/_rels/workbook.xml.rels")
        #expect(
            relations.contains(
                "Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet3.xml\""
            ))
        // A text repeated on the all-issues sheet and an issue's sheet is stored once.
        let strings = try workbook.sharedStrings
        #expect(Set(strings).count == strings.count)
    }

    @Test func textKeepsEveryCharacterThroughTheXML() throws {
        let texts = [
            "Ligne un\r\nligne deux\rligne trois\nfin", "  marges  ", "bip\u{07} et \u{0B}", "_x0041_ littéral",
            "a & b < c > d \"e\" 'f'", "« L’œuvre » 👩‍⚕️ e\u{301}", "",
        ]
        let workbook = Workbook(sheets: [
            Worksheet(
                name: "Feuille", columns: [WorksheetColumn(title: "texte", maximumWidth: 40, wraps: true)],
                rows: texts.map { [.text($0)] })
        ])
        let read = try XLSXReader(WorkbookFile.data(workbook))
        let rows = try read.rows(ofSheet: 0).dropFirst()
        // An empty text is an empty string cell; every other text comes back exactly.
        #expect(rows.map { $0.first ?? nil } == texts.map { .text($0) })
    }

    @Test func evidenceLineBreaksAreLineFeeds() {
        #expect(EvidenceWorkbook.lineFeeds("a\r\nb\rc\nd") == "a\nb\nc\nd")
    }
}
