/// One `xl/worksheets/sheetN.xml` part: the column widths, the header row frozen above the
/// others, and the cells (text through the shared strings, numbers as numbers).
enum WorksheetXML {
    /// Cell formats of `xl/styles.xml` (`WorkbookXML.styles`), by index.
    enum Style: Int {
        case header = 1
        case body = 2
        case wrapped = 3
    }

    static func xml(_ sheet: Worksheet, selected: Bool, strings: inout SharedStrings) -> String {
        let columnCount = max(1, sheet.columns.count, sheet.rows.map(\.count).max() ?? 0)
        let lastCell = columnName(columnCount - 1) + String(sheet.rows.count + 1)
        var out = WorkbookXML.declaration
        out += "<worksheet xmlns=\"\(WorkbookXML.mainNamespace)\" xmlns:r=\"\(WorkbookXML.relationshipsNamespace)\">"
        out += "<dimension ref=\"A1:\(lastCell)\"/>"
        out += "<sheetViews><sheetView \(selected ? "tabSelected=\"1\" " : "")workbookViewId=\"0\">"
        out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columns.isEmpty {
            out += "<cols>"
            for (index, column) in sheet.columns.enumerated() {
                let width = self.width(of: column, at: index, in: sheet.rows)
                out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        out += row(1, sheet.columns.map { .text($0.title) }, styles: sheet.columns.map { _ in .header }, &strings)
        let styles = sheet.columns.map { $0.wraps ? Style.wrapped : .body }
        for (offset, cells) in sheet.rows.enumerated() {
            out += row(offset + 2, cells, styles: styles, &strings)
        }
        return out + "</sheetData></worksheet>"
    }

    private static func row(_ number: Int, _ cells: [WorksheetCell], styles: [Style], _ strings: inout SharedStrings)
        -> String
    {
        var out = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() {
            let reference = columnName(index) + String(number)
            let style = index < styles.count ? styles[index] : .body
            switch cell {
            case .empty:
                continue
            case .text(let text):
                out += "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"s\"><v>\(strings.index(of: text))</v></c>"
            case .number(let value):
                guard let written = numberText(value) else { continue }
                out += "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(written)</v></c>"
            }
        }
        return out + "</row>"
    }

    /// A number in the `xsd:double` form every reader parses: an integer without decimals, other
    /// values in Swift's shortest round-trip form (`0.8123`, `1e-05`); nil when not finite.
    static func numberText(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(describing: value)
    }

    /// `A`…`Z`, `AA`… for a 0-based column index.
    static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let digit = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// The column's width in characters: its widest line (title included) plus a margin, at
    /// most its maximum.
    static func width(of column: WorksheetColumn, at index: Int, in rows: [[WorksheetCell]]) -> Int {
        let limit = max(1, column.maximumWidth)
        var widest = longestLine(column.title) + 2  // the title is bold
        for row in rows where index < row.count && widest < limit {
            switch row[index] {
            case .empty: break
            case .text(let text): widest = max(widest, longestLine(text, limit: limit))
            case .number(let value): widest = max(widest, numberText(value)?.count ?? 0)
            }
        }
        return min(limit, widest + 2)
    }

    /// The length in characters of the longest line of `text`, counting no further than `limit`.
    private static func longestLine(_ text: String, limit: Int = .max) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                current = 0
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            current += 1
            longest = max(longest, current)
            if longest >= limit { return longest }
        }
        return longest
    }
}
