/// A spreadsheet as `evidence.xlsx` holds it: sheets of typed cells under a header row. The
/// model knows nothing of SpreadsheetML; `WorkbookFile` turns it into the bytes of an `.xlsx`.
package struct Workbook: Sendable, Hashable {
    package var sheets: [Worksheet]

    package init(sheets: [Worksheet]) {
        self.sheets = sheets
    }
}

/// One sheet: a header row (the columns' titles, frozen in place when scrolling) and rows of
/// cells. A row shorter than the header leaves its last cells empty.
package struct Worksheet: Sendable, Hashable {
    /// The name on the sheet's tab; `SheetNames` makes it valid and unique.
    package var name: String
    package var columns: [WorksheetColumn]
    package var rows: [[WorksheetCell]]

    package init(name: String, columns: [WorksheetColumn], rows: [[WorksheetCell]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

/// A column: its title in the header row and how wide it may grow.
package struct WorksheetColumn: Sendable, Hashable {
    package var title: String
    /// The widest the column is made, in characters; it is narrower when its cells are.
    package var maximumWidth: Int
    /// Whether long text wraps inside the cells (line breaks show only in wrapping cells).
    package var wraps: Bool

    package init(title: String, maximumWidth: Int, wraps: Bool = false) {
        self.title = title
        self.maximumWidth = maximumWidth
        self.wraps = wraps
    }
}

/// A cell: nothing, text, or a number (stored as a number, so that it sorts and sums in any
/// locale).
package enum WorksheetCell: Sendable, Hashable {
    case empty
    case text(String)
    /// A finite number; a non-finite one is written as an empty cell.
    case number(Double)
}
