import EnjeuxEvidence
import EnjeuxModel
import Foundation
import Testing

/// `evidence.xlsx` opened by the programs staff and researchers use: LibreOffice Calc
/// (headless) and Python's openpyxl. The sheet of every issue must have exactly the rows of
/// `all.csv`, each issue's sheet those of its CSV file, ranks, scores and page numbers as
/// numbers, and text — accents, « », ’, œ, quotes, line breaks, control characters — intact.
@Suite(.serialized) struct WorkbookFileTests {
    /// A workbook of the pipeline's evidence and one rendered from hand-built entries.
    struct Fixture {
        var spreadsheets: SpreadsheetFixture
        var pipelineWorkbook: URL
        var renderedWorkbook: URL
        /// Sheet name → the CSV file whose rows it holds.
        var csvOfSheet: [String: URL]
        var renderedCSV: URL

        static func make(_ scratch: Scratch) throws -> Fixture {
            let spreadsheets = try SpreadsheetFixture.write(scratch)
            var entries = spreadsheets.renderedEntries
            var tricky = entries[1]
            tricky.rank = 3
            tricky.passageId = "12345"
            tricky.text = "Bip\u{07}, tab\tet _x0041_ littéral & <balise> ; 👩‍⚕️ e\u{301}"
            entries.append(tricky)
            let issue = IssueEvidence(
                category: CategoryInfo(id: "autonomie", label: "Autonomie", description: ""), candidateCount: 3,
                entries: entries)
            let rendered = scratch.path("rendu/classeur.xlsx")
            try EvidenceWorkbook.xlsx([issue]).write(to: rendered)
            let renderedCSV = scratch.path("rendu/classeur.csv")
            try Data(EvidenceRenderer.csv(entries).utf8).write(to: renderedCSV)
            let evidence = spreadsheets.evidence
            return Fixture(
                spreadsheets: spreadsheets, pipelineWorkbook: evidence.appendingPathComponent("evidence.xlsx"),
                renderedWorkbook: rendered,
                csvOfSheet: [
                    EvidenceWorkbook.allSheetName: evidence.appendingPathComponent("all.csv"),
                    "autonomie": evidence.appendingPathComponent("autonomie.csv"),
                    "attente": evidence.appendingPathComponent("attente.csv"),
                ],
                renderedCSV: renderedCSV)
        }
    }

    @Test(
        .enabled(
            if: Calc.isAvailable,
            "needs LibreOffice Calc (soffice with libreoffice-calc); scripts/ensure-deps.sh test"))
    func workbookOpensInLibreOfficeWithTheRowsOfTheCSVFiles() throws {
        let scratch = try Scratch()
        let fixture = try Fixture.make(scratch)
        let sheets = try Calc.sheets(of: fixture.pipelineWorkbook, scratch: scratch)
        #expect(sheets.map(\.name) == [EvidenceWorkbook.allSheetName, "autonomie", "attente"])
        for (name, rows) in sheets {
            let csv = try #require(fixture.csvOfSheet[name])
            try Self.compare(rows, with: SpreadsheetFixture.readCSV(csv), sheet: name)
        }
        let rendered = try Calc.sheets(of: fixture.renderedWorkbook, scratch: scratch)
        let renderedRows = try #require(rendered.last?.rows)
        try Self.compare(renderedRows, with: SpreadsheetFixture.readCSV(fixture.renderedCSV), sheet: "rendu")
        let texts = sheets.flatMap { $0.rows.flatMap { $0.map(\.text) } }
        for needle in ["«", "»", "’", "œ", "é", "\"", ",", "Côté-Bœuf"] {
            #expect(texts.contains { $0.contains(needle) }, "no cell contains \(needle.debugDescription)")
        }
        #expect(renderedRows.flatMap { $0.map(\.text) }.contains { $0.contains("\n") }, "no line break in a cell")
    }

    /// Checks Calc's cells against the CSV rows: same rows and columns; ranks, scores and page
    /// numbers are numbers; text equal (a CRLF being one line break in a cell). A control
    /// character XML cannot hold is left out of the flat file Calc writes, so a cell may lack it.
    static func compare(_ rows: [[Calc.Cell]], with csv: [[String]], sheet: String) throws {
        #expect(rows.count == csv.count, "\(sheet): row count")
        #expect(rows.first?.map(\.text) == EvidenceRenderer.csvHeader, "\(sheet): header")
        for (index, (cells, fields)) in zip(rows, csv).enumerated().dropFirst() {
            #expect(
                cells.count <= fields.count && fields.count == EvidenceRenderer.csvHeader.count,
                "\(sheet) row \(index + 1): columns")
            for (column, field) in fields.enumerated() {
                let cell = column < cells.count ? cells[column] : Calc.Cell()
                let place = "\(sheet) row \(index + 1) column \(EvidenceRenderer.csvHeader[column])"
                switch EvidenceRenderer.csvHeader[column] {
                case "rang", "score":
                    #expect(cell.number != nil && cell.number == Double(field), "\(place): \(cell)")
                case "page" where Int(field) != nil:
                    #expect(cell.number == Double(field), "\(place): \(cell)")
                default:
                    let withoutControls = String(
                        String.UnicodeScalarView(
                            Calc.lineFeeds(field).unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }
                        ))
                    #expect(cell.number == nil, "\(place) is a number")
                    #expect(
                        cell.matches(field) || cell.text == withoutControls, "\(place): \(cell.text.debugDescription)")
                }
            }
        }
    }

    /// What openpyxl reads: sheet names, the frozen header, column widths, and every cell with
    /// its type; the CSV files read by Python's `csv` module for comparison.
    static let openpyxlScript = """
        import csv, json, sys
        import openpyxl

        def cell(value):
            if value is None:
                return None
            if isinstance(value, bool):
                return ["b", value]
            if isinstance(value, (int, float)):
                return ["n", value]
            return ["s", value]

        book = openpyxl.load_workbook(sys.argv[1])
        sheets = []
        for sheet in book.worksheets:
            sheets.append({
                "name": sheet.title, "freeze": sheet.freeze_panes,
                "widths": [sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJ"],
                "rows": [[cell(value) for value in row] for row in sheet.iter_rows(values_only=True)],
            })
        files = {}
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                files[path] = list(csv.reader(handle))
        json.dump({"sheets": sheets, "csv": files}, sys.stdout)
        """

    @Test(.enabled(if: TestVirtualEnvironment.python != nil, .init(rawValue: TestVirtualEnvironment.skipMessage)))
    func workbookOpensInOpenpyxlWithTheRowsOfTheCSVFiles() throws {
        let python = try #require(TestVirtualEnvironment.python)
        let scratch = try Scratch()
        let fixture = try Fixture.make(scratch)
        let script = scratch.path("lire.py")
        try Data(Self.openpyxlScript.utf8).write(to: script)
        for (workbook, csvOfSheet) in [
            (fixture.pipelineWorkbook, fixture.csvOfSheet),
            (
                fixture.renderedWorkbook,
                [EvidenceWorkbook.allSheetName: fixture.renderedCSV, "autonomie": fixture.renderedCSV]
            ),
        ] {
            let csvFiles = csvOfSheet.values.map(\.path).sorted()
            let result = TestVirtualEnvironment.run(python, [script.path, workbook.path] + csvFiles)
            #expect(result.status == 0, "openpyxl: \(result.output)")
            let read = try #require(
                try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            let sheets = try #require(read["sheets"] as? [[String: Any]])
            let pythonCSV = try #require(read["csv"] as? [String: [[String]]])
            let names = sheets.compactMap { $0["name"] as? String }
            #expect(Set(names) == Set(csvOfSheet.keys), "\(names)")
            for sheet in sheets {
                let name = sheet["name"] as? String ?? ""
                let csv = try #require(csvOfSheet[name])
                let written = try SpreadsheetFixture.readCSV(csv)
                #expect(pythonCSV[csv.path] == written, "\(name): Python's csv module reads the CSV file as written")
                #expect(sheet["freeze"] as? String == "A2", "\(name): header row frozen")
                let widths = (sheet["widths"] as? [Any] ?? []).compactMap { $0 as? Double }
                #expect(
                    widths.count == EvidenceRenderer.csvHeader.count && widths.allSatisfy { $0 >= 6 },
                    "\(name): widths \(widths)")
                let rows = try #require(sheet["rows"] as? [[Any]])
                try Self.compare(openpyxl: rows, with: written, sheet: name)
            }
        }
    }

    /// openpyxl's cells against the CSV rows: the same text exactly (a CRLF being one line
    /// feed), ranks, scores and page numbers as numbers. openpyxl (3.1) does not decode the
    /// `_xHHHH_` form of a control character that XML cannot hold (Excel and Calc do): such a
    /// character is expected in that form.
    static func compare(openpyxl rows: [[Any]], with csv: [[String]], sheet: String) throws {
        #expect(rows.count == csv.count, "\(sheet): row count")
        for (index, (cells, fields)) in zip(rows, csv).enumerated() {
            #expect(cells.count == fields.count, "\(sheet) row \(index + 1): columns")
            for (column, (cell, field)) in zip(cells, fields).enumerated() {
                let place = "\(sheet) row \(index + 1) column \(column + 1)"
                let pair = cell as? [Any]
                let kind = pair?.first as? String
                let value = pair?.last
                if field.isEmpty {
                    #expect(pair == nil, "\(place): empty")
                    continue
                }
                let numeric = index > 0 && (column <= 1 || (column == 6 && Int(field) != nil))
                if numeric {
                    #expect(kind == "n" && (value as? NSNumber)?.doubleValue == Double(field), "\(place): \(cell)")
                } else {
                    #expect(kind == "s" && value as? String == Self.xmlForm(field), "\(place): \(cell)")
                }
            }
        }
    }

    /// The text with CRLF as LF and control characters as `_xHHHH_`.
    static func xmlForm(_ text: String) -> String {
        var out = ""
        for scalar in Calc.lineFeeds(text).unicodeScalars {
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
