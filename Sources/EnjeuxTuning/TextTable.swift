/// Columns aligned with spaces for the terminal; numbers right-aligned. Widths count
/// Unicode scalars, which is what a terminal shows for French text.
package struct TextTable: Sendable {
    package var header: [String]
    package var rows: [[String]]
    /// For each column, true when it is right-aligned.
    package var rightAligned: [Bool]

    package init(header: [String], rows: [[String]] = [], rightAligned: [Bool]? = nil) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned ?? header.map { _ in false }
    }

    package func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].unicodeScalars.count : 0 }.max() ?? 0
        }
        var out = ""
        for row in all {
            var cells: [String] = []
            for column in header.indices {
                let text = row.indices.contains(column) ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - text.unicodeScalars.count)
                let isLast = column == header.count - 1
                if rightAligned.indices.contains(column) && rightAligned[column] {
                    cells.append(padding + text)
                } else {
                    cells.append(isLast ? text : text + padding)
                }
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        return out
    }
}
