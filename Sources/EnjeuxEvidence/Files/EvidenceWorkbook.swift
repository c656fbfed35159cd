import Foundation

/// `evidence.xlsx`: the rows of `all.csv` on a first sheet, « Tous les enjeux », then one
/// sheet per issue (in lexicon order, named by the issue id) with the rows of its CSV file.
/// The columns are the CSV columns; ranks, scores and page numbers are numbers, the rest text
/// with its line breaks (each a line feed, as a cell holds them).
package enum EvidenceWorkbook {
    /// The name of the sheet with every issue.
    package static let allSheetName = "Tous les enjeux"

    /// The CSV columns, with the widest each may grow (in characters) and whether it wraps.
    static let columns: [WorksheetColumn] = zip(
        EvidenceRenderer.csvHeader,
        [
            (8, false), (10, false), (24, false), (90, true), (40, true), (50, false), (10, false), (45, true),
            (20, false), (40, true),
        ]
    ).map { WorksheetColumn(title: $0, maximumWidth: $1.0, wraps: $1.1) }

    /// The workbook of the issues' evidence.
    package static func workbook(_ issues: [IssueEvidence]) -> Workbook {
        let all = Worksheet(name: allSheetName, columns: columns, rows: issues.flatMap(\.entries).map(row))
        let perIssue = issues.map { issue in
            Worksheet(name: issue.category.id, columns: columns, rows: issue.entries.map(row))
        }
        return Workbook(sheets: [all] + perIssue)
    }

    /// `evidence.xlsx`'s bytes.
    package static func xlsx(_ issues: [IssueEvidence]) throws(WorkbookError) -> Data {
        try WorkbookFile.data(workbook(issues))
    }

    /// The entry's CSV fields as cells: the rank, the score and a page that is a plain number
    /// become numbers; empty fields empty cells.
    static func row(_ entry: EvidenceEntry) -> [WorksheetCell] {
        zip(EvidenceRenderer.csvHeader, EvidenceRenderer.csvRow(entry)).map { column, field in
            if field.isEmpty { return .empty }
            let isNumber =
                switch column {
                case "rang", "score": true
                case "page": field.utf8.allSatisfy { (0x30...0x39).contains($0) }
                default: false
                }
            if isNumber, let value = Double(field) { return .number(value) }
            return .text(lineFeeds(field))
        }
    }

    /// CRLF and CR as LF.
    static func lineFeeds(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
