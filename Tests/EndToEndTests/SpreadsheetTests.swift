import EnjeuxEvidence
import EnjeuxModel
import Foundation
import Testing

/// The CSV files opened by LibreOffice Calc (headless): every cell must hold exactly what we
/// wrote — accents, « », ’, œ, commas, double quotes and line breaks — and the byte order
/// mark must not leak into the first header cell.
///
/// Calc converts each CSV to flat OpenDocument (`.fods`) and the test reads the cells back.
/// Without import options (`soffice --convert-to` with no `--infilter`) LibreOffice up to at
/// least 7.4 decodes a CSV as Windows-1252 whatever its byte order mark; the import options
/// documented in `docs/evidence.md` (`44,34,76,1`: comma, double quote, UTF-8, from line 1)
/// give the exact text. Both are tested.
@Suite(.serialized) struct SpreadsheetTests {
    /// What the UTF-8 import options give: exact cells.
    @Test(
        .enabled(
            if: Calc.isAvailable,
            "needs LibreOffice Calc (soffice with libreoffice-calc); scripts/ensure-deps.sh test"))
    func csvOpensIntactWithTheDocumentedOptions() throws {
        let scratch = try Scratch()
        let files = try SpreadsheetFixture.write(scratch)
        let sheets = try Calc.open(files.all, scratch: scratch, options: Calc.utf8Options)
        for (csv, sheet) in sheets {
            let written = try SpreadsheetFixture.readCSV(csv)
            #expect(sheet.count == written.count, "\(csv.lastPathComponent): row count")
            for (row, (cells, expected)) in zip(sheet, written).enumerated() {
                // Calc leaves out trailing empty cells (the `ocr` column of a passage not read by OCR).
                let filled = (expected.lastIndex { !$0.isEmpty } ?? -1) + 1
                #expect(
                    cells.count == expected.count || cells.count == filled,
                    "\(csv.lastPathComponent) row \(row + 1): column count")
                for (column, (cell, value)) in zip(cells, expected).enumerated() {
                    #expect(
                        cell.matches(value), "\(csv.lastPathComponent) row \(row + 1) column \(column + 1)")
                }
            }
            #expect(sheet.first?.first?.text == "rang", "the byte order mark leaked into the header")
        }
        try SpreadsheetFixture.checkAgainstEvidence(sheets, files)
    }

    /// What `soffice --convert-to` gives with no import options: the structure must be intact
    /// (quotes, commas, line breaks); the text is either exact or the Windows-1252 reading of
    /// the UTF-8 bytes (LibreOffice's default without options), recorded in the test output.
    @Test(
        .enabled(
            if: Calc.isAvailable,
            "needs LibreOffice Calc (soffice with libreoffice-calc); scripts/ensure-deps.sh test"))
    func csvStructureSurvivesTheDefaultImport() throws {
        let scratch = try Scratch()
        let files = try SpreadsheetFixture.write(scratch)
        let sheets = try Calc.open(files.all, scratch: scratch, options: nil)
        var decodings = Set<String>()
        for (csv, sheet) in sheets {
            let written = try SpreadsheetFixture.readCSV(csv)
            #expect(sheet.count == written.count, "\(csv.lastPathComponent): row count")
            for (row, (cells, expected)) in zip(sheet, written).enumerated() {
                // Calc leaves out trailing empty cells (the `ocr` column of a passage not read by OCR).
                let filled = (expected.lastIndex { !$0.isEmpty } ?? -1) + 1
                #expect(
                    cells.count == expected.count || cells.count == filled,
                    "\(csv.lastPathComponent) row \(row + 1): column count")
                for (column, (cell, value)) in zip(cells, expected).enumerated() {
                    let bom = row == 0 && column == 0 ? "\u{FEFF}" : ""
                    let misread = Windows1252.misreading(bom + value)
                    let telling = misread != Calc.lineFeeds(value)
                    if cell.matches(value) {
                        if telling { decodings.insert("UTF-8") }
                    } else if let misread, cell.text == misread {
                        decodings.insert("Windows-1252")
                    } else {
                        Issue.record(
                            "\(csv.lastPathComponent) row \(row + 1) column \(column + 1): \(cell.text)")
                    }
                }
            }
        }
        print(
            "LibreOffice Calc without import options read the CSV as: \(decodings.sorted().joined(separator: ", "))"
        )
        #expect(decodings.count == 1, "one decoding for every file")
    }
}

/// What the CSV import language does to the scores (`0.8123`, decimal point): with French
/// (Canada), the language of a French Québec desktop, Calc keeps them as text; with English
/// (USA), as `docs/evidence.md` tells, they are numbers. (`evidence.xlsx` needs no choice.)
@Suite(.serialized) struct CSVImportLanguageTests {
    @Test(
        .enabled(
            if: Calc.isAvailable,
            "needs LibreOffice Calc (soffice with libreoffice-calc); scripts/ensure-deps.sh test"))
    func scoresAreNumbersOnlyWithAnEnglishImportLanguage() throws {
        let scratch = try Scratch()
        let files = try SpreadsheetFixture.write(scratch)
        for (language, expectNumbers) in [(Calc.frenchCanada, false), (Calc.englishUSA, true)] {
            let options = Calc.utf8Options + ",," + language
            let (_, rows) = try #require(try Calc.open([files.allCSV], scratch: scratch, options: options).first)
            #expect(rows.count > 1)
            for row in rows.dropFirst() where row.count > 1 {
                #expect((row[1].number != nil) == expectNumbers, "language \(language): score \(row[1])")
                #expect(row[0].number != nil, "language \(language): rank \(row[0])")
            }
        }
    }
}

/// The CSV files under test: two written by the pipeline, one by the renderer directly.
struct SpreadsheetFixture {
    var evidence: URL
    var allCSV: URL
    var issueCSV: URL
    var rendered: URL
    var renderedEntries: [EvidenceEntry]

    var all: [URL] { [allCSV, issueCSV, rendered] }

    static let lexicon = """
        name: tableur
        version: "1"
        language: fr
        categories:
          autonomie:
            label: Autonomie « professionnelle »
            description: L’autonomie des intervenantes, leur jugement, l’œuvre clinique.
            terms:
              - {term: autonomie professionnelle, weight: 3}
              - {term: jugement clinique, weight: 3}
          attente:
            label: Listes d’attente
            description: Délais, "attente", accès.
            terms:
              - {term: liste d'attente, weight: 3, flexible: true}
        """

    static func page(_ title: String, _ paragraphs: [String]) -> String {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        return """
            <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>\(title)</title>
            <meta name="author" content="Hélène Côté-Bœuf"><meta property="article:published_time" content="2019-05-06">
            </head><body><article><h1>\(title)</h1>\(body)</article></body></html>
            """
    }

    /// Runs the pipeline on two French pages and renders one hand-built entry whose text has
    /// line breaks (HTML passages never do: whitespace collapses).
    static func write(_ scratch: Scratch) throws -> SpreadsheetFixture {
        try scratch.write(
            "corpus/Rapport \"Lean\", œuvre d’étape.html",
            page(
                "Le Lean, « l’œuvre » des gestionnaires",
                [
                    "Depuis l’implantation du Lean, les intervenantes disent « perdre leur autonomie professionnelle », "
                        + "et leur jugement clinique, qu’on qualifie de &quot;subjectif&quot;, compte moins que la cœur de métier.",
                    "Une travailleuse sociale résume : &quot;on coche des cases, on ne soigne plus&quot;, et l’autonomie "
                        + "professionnelle recule, à Montréal comme à Québec.",
                ]))
        try scratch.write(
            "corpus/web/attente.html",
            page(
                "Les listes d’attente, un « goulot »",
                [
                    "Les listes d’attente s’allongent ; des familles « vulnérables » attendent des mois, "
                        + "dit l’équipe : \"c’est intenable\", « même pour l’œil averti »."
                ]))
        let lexicon = scratch.path("tableur.yaml")
        try Data(Self.lexicon.utf8).write(to: lexicon)
        let evidence = scratch.path("Evidence")
        let outputs = try StageRunner.pipeline(
            corpus: scratch.path("corpus"), lexicon: lexicon, work: scratch.path("work"),
            evidence: evidence)
        for (stage, output) in outputs {
            #expect(output.status == 0, "enjeux-\(stage): \(output.stderr)")
        }
        let entries = [
            EvidenceEntry(
                category: "autonomie", label: "Autonomie", rank: 1, score: 0.75,
                source: "rapports/Bilan, « 2018 ».pdf",
                documentId: "d1", location: PageLocation(page: 4, pageLabel: "iv", isPaged: true),
                passageId: "p-0001",
                heading: nil,
                text:
                    "Première ligne, avec « guillemets »\nseconde ligne : \"citée\"\r\ntroisième ligne ; fin.",
                matches: [TermMatch(term: "ligne", text: "ligne", start: 9, end: 14, contribution: 1)],
                citation: Citation(
                    inText: "(Côté, 2018, p. iv)", reference: "Côté (2018).", needsCheck: false),
                alsoIn: []),
            EvidenceEntry(
                category: "autonomie", label: "Autonomie", rank: 2, score: 0.5, source: "notes.html",
                documentId: "d2",
                location: PageLocation(page: 1, isPaged: false), passageId: "p-0002", heading: nil,
                text: "L’œuvre\n\nd’un cœur « serré », dit-elle.", matches: [],
                citation: Citation(inText: "(Ordre, s.d.)", reference: "Ordre.", needsCheck: true),
                alsoIn: []),
        ]
        let rendered = scratch.path("rendu/sauts de ligne.csv")
        try scratch.write("rendu/sauts de ligne.csv", EvidenceRenderer.csv(entries))
        return SpreadsheetFixture(
            evidence: evidence, allCSV: evidence.appendingPathComponent("all.csv"),
            issueCSV: evidence.appendingPathComponent("autonomie.csv"), rendered: rendered,
            renderedEntries: entries)
    }

    /// Our own reading of a CSV file (RFC 4180), to compare with Calc's.
    static func readCSV(_ url: URL) throws -> [[String]] {
        let data = try Data(contentsOf: url)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(url.lastPathComponent): no byte order mark")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append(scalar)
                        pending = scalars.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r" && pending == "\n" {
                pending = scalars.next()
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        #expect(!quoted && row.isEmpty && field.isEmpty, "\(url.lastPathComponent): must end with CRLF")
        return rows
    }

    /// Checks Calc's cells against `evidence.jsonl` and the hand-built entries, so a mistake
    /// shared by our CSV writer and our CSV reader cannot pass unnoticed.
    static func checkAgainstEvidence(_ sheets: [(URL, [[Calc.Cell]])], _ files: SpreadsheetFixture)
        throws
    {
        let lines = try readEvidence(files.evidence)
        let expected: [URL: [(text: String, citation: String, source: String, id: String)]] = [
            files.allCSV: lines.map(\.csvColumns),
            files.issueCSV: lines.filter { $0["category"] as? String == "autonomie" }.map(\.csvColumns),
            files.rendered: files.renderedEntries.map {
                ($0.text, $0.citation.inText, $0.source, $0.passageId)
            },
        ]
        #expect(
            lines.contains { $0["category"] as? String == "autonomie" }, "the fixture must rank passages")
        #expect(
            lines.contains { $0["category"] as? String == "attente" }, "the fixture must rank passages")
        for (csv, sheet) in sheets {
            let rows = try #require(expected[csv])
            #expect(sheet.dropFirst().count == rows.count, "\(csv.lastPathComponent): one row per entry")
            for (cells, row) in zip(sheet.dropFirst(), rows) where cells.count >= 9 {
                #expect(cells[3].matches(row.text))
                #expect(cells[7].text == row.citation)
                #expect(cells[5].text == row.source)
                #expect(cells[8].text == row.id)
            }
        }
        let texts = sheets.flatMap { $0.1.flatMap { $0.map(\.text) } }
        for needle in ["«", "»", "’", "œ", "é", "\"", ",", "\n"] {
            #expect(texts.contains { $0.contains(needle) }, "no cell contains \(needle.debugDescription)")
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    fileprivate var csvColumns: (text: String, citation: String, source: String, id: String) {
        (
            self["text"] as? String ?? "", self["citation"] as? String ?? "",
            self["source"] as? String ?? "",
            self["passage_id"] as? String ?? ""
        )
    }
}
