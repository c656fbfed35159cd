import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// LibreOffice Calc run headless: opens CSV files and gives back their cells, read from the
/// flat OpenDocument (`.fods`) it converts them to.
enum Calc {
    /// A cell as Calc shows it: its text (paragraphs joined by a line feed) and, for a
    /// number, its value.
    struct Cell: Equatable {
        var text = ""
        var number: Double?

        /// Whether the cell shows `written`: the same number, or the same text, a line break
        /// being one line feed in a cell (Calc stores CRLF inside a field as one break).
        func matches(_ written: String) -> Bool {
            if let number { return Double(written) == number }
            return text == Calc.lineFeeds(written)
        }
    }

    /// The CSV import options documented in `docs/evidence.md`: comma, double quote, UTF-8
    /// (76), first line 1.
    static let utf8Options = "44,34,76,1"
    /// Import languages (Windows language identifiers), the sixth import option.
    static let frenchCanada = "3084"
    static let englishUSA = "1033"

    /// `soffice` on the PATH, when its installation has the Calc module.
    static let soffice = LibreOffice.soffice(withModule: "libsclo.")

    static var isAvailable: Bool { soffice != nil }

    static func lineFeeds(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Opens `files` in one headless Calc, with the CSV import `options` or none (what
    /// `--convert-to` does by default), and returns each file's rows of cells.
    static func open(_ files: [URL], scratch: Scratch, options: String?) throws -> [(URL, [[Cell]])] {
        let converted = try convert(files, scratch: scratch, options: options)
        return try zip(files, converted).map { ($0, try FODSReader.cells(of: Data(contentsOf: $1))) }
    }

    /// Opens a workbook (`.xlsx`) in headless Calc and returns its sheets, by name, in order.
    static func sheets(of workbook: URL, scratch: Scratch) throws -> [(name: String, rows: [[Cell]])] {
        let converted = try convert([workbook], scratch: scratch, options: nil)
        return try FODSReader.sheets(of: Data(contentsOf: try #require(converted.first)))
    }

    /// Converts `files` to flat OpenDocument in one headless Calc; returns the converted files.
    private static func convert(_ files: [URL], scratch: Scratch, options: String?) throws -> [URL] {
        let soffice = try #require(soffice)
        let output = scratch.path("calc-\(options.map { $0.replacingOccurrences(of: ",", with: "-") } ?? "default")")
        let process = Process()
        process.executableURL = soffice
        var arguments = [
            "--headless", "--norestore", "--nolockcheck",
            "-env:UserInstallation=" + scratch.path("calc-profile").absoluteString,
        ]
        if let options { arguments.append("--infilter=Text - txt - csv (StarCalc):\(options)") }
        arguments += ["--convert-to", "fods", "--outdir", output.path]
        process.arguments = arguments + files.map(\.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record("soffice did not finish within 90 s")
        }
        process.waitUntilExit()
        return files.map { file in
            output.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".fods")
        }
    }
}

/// Reads the tables of a flat OpenDocument spreadsheet.
final class FODSReader: NSObject, XMLParserDelegate {
    private var tables: [(name: String, rows: [[Calc.Cell]])] = []
    private var row: [Calc.Cell] = []
    private var rowRepeat = 1
    private var cell: Calc.Cell?
    private var cellRepeat = 1
    private var paragraphs = 0
    private var inParagraph = false

    /// The rows of the first table.
    static func cells(of data: Data) throws -> [[Calc.Cell]] {
        try sheets(of: data).first?.rows ?? []
    }

    /// Every table, by name, with its rows (trailing empty rows left out).
    static func sheets(of data: Data) throws -> [(name: String, rows: [[Calc.Cell]])] {
        let reader = FODSReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader.tables.map { table in
            var rows = table.rows
            while rows.last?.isEmpty == true { rows.removeLast() }
            return (table.name, rows)
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "table:table":
            tables.append((attributes["table:name"] ?? "", []))
        case "table:table-row" where !tables.isEmpty:
            row = []
            rowRepeat = Int(attributes["table:number-rows-repeated"] ?? "") ?? 1
        case "table:table-cell", "table:covered-table-cell":
            guard !tables.isEmpty else { return }
            var new = Calc.Cell()
            if attributes["office:value-type"] == "float" {
                new.number = Double(attributes["office:value"] ?? "")
            }
            cell = new
            cellRepeat = Int(attributes["table:number-columns-repeated"] ?? "") ?? 1
            paragraphs = 0
        case "text:p" where cell != nil:
            if paragraphs > 0 { cell?.text += "\n" }
            paragraphs += 1
            inParagraph = true
        case "text:s" where inParagraph:
            cell?.text += String(repeating: " ", count: Int(attributes["text:c"] ?? "") ?? 1)
        case "text:tab" where inParagraph:
            cell?.text += "\t"
        case "text:line-break" where inParagraph:
            cell?.text += "\n"
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inParagraph { cell?.text += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch name {
        case "text:p":
            inParagraph = false
        case "table:table-cell", "table:covered-table-cell":
            if let cell { row += Array(repeating: cell, count: min(cellRepeat, 64)) }
            cell = nil
        case "table:table-row" where !tables.isEmpty:
            while row.last == Calc.Cell() { row.removeLast() }
            tables[tables.count - 1].rows += Array(repeating: row, count: row.isEmpty ? 1 : rowRepeat)
        default:
            break
        }
    }
}

/// How a program that reads UTF-8 bytes as Windows-1252 shows a text.
enum Windows1252 {
    /// Code points of bytes 0x80 to 0x9F (0 where Windows-1252 has no character).
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0,
        0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
        0x203A,
        0x0153, 0, 0x017E, 0x0178,
    ]

    /// The UTF-8 bytes of `text` read as Windows-1252; nil when a byte has no character there.
    static func misreading(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        for byte in Calc.lineFeeds(text).utf8 {
            let code = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            guard code != 0, let scalar = Unicode.Scalar(code) else { return nil }
            out.append(scalar)
        }
        return String(out)
    }
}
