import EnjeuxModel

/// The heat map as inline SVG: a row per document (its path on the left), a column per issue
/// (its label above, slanted), each cell shaded by its count, with the count written in it and
/// a `<title>` naming the issue, the document and the count. A cell links to the issue's
/// passages; the page script also selects that document in the filter.
enum HeatMapSVG {
    static let cellWidth = 46
    static let cellHeight = 26
    static let characterWidth = 7
    static let longestRowLabel = 48
    static let longestColumnLabel = 30
    /// Fill colours from light to dark; counts above zero are spread over them.
    static let shades = ["#deebf7", "#9ecae1", "#3274b0", "#2166ac", "#08306b"]
    static let emptyFill = "#f3f3f3"

    /// The SVG element. `panelID` gives the element id of each issue's section.
    static func render(_ map: HeatMap, panelID: (String) -> String) -> String {
        let rowLabels = map.rows.map { shortened($0.source, to: longestRowLabel) }
        let columnLabels = map.issues.map { shortened(label(of: $0), to: longestColumnLabel) }
        let left = (rowLabels.map(\.count).max() ?? 0) * characterWidth + 12
        let top = (columnLabels.map(\.count).max() ?? 0) * characterWidth * 7 / 10 + 16
        let right = top
        let width = left + map.issues.count * cellWidth + right
        let height = top + map.rows.count * cellHeight + 4

        var out = ""
        // About 600 bytes per cell: one allocation instead of a string grown by doubling.
        out.reserveCapacity(4096 + map.rows.count * (map.issues.count + 1) * 640)
        out += "<svg class=\"carte\" width=\"\(width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(width) \(height)\" role=\"group\" aria-labelledby=\"titre-carte\">\n"
        for (column, text) in columnLabels.enumerated() {
            let x = left + column * cellWidth + cellWidth / 2
            out += "<text class=\"entete-enjeu\" x=\"\(x)\" y=\"\(top - 6)\" transform=\"rotate(-40 \(x) \(top - 6))\">"
            out += "<title>\(HTMLText.escape(label(of: map.issues[column])))</title>\(HTMLText.escape(text))</text>\n"
        }
        let maximum = map.maximum
        for (rowIndex, row) in map.rows.enumerated() {
            let y = top + rowIndex * cellHeight
            out += "<text class=\"entete-document\" x=\"\(left - 8)\" y=\"\(y + cellHeight / 2 + 4)\" "
            out += "text-anchor=\"end\"><title>\(HTMLText.escape(row.source))</title>"
            out += "\(HTMLText.escape(rowLabels[rowIndex]))</text>\n"
            for (column, issue) in map.issues.enumerated() {
                let count = column < row.counts.count ? row.counts[column] : 0
                let x = left + column * cellWidth
                let shade = shadeIndex(count, maximum: maximum)
                let fill = shade.map { shades[$0] } ?? emptyFill
                let ink = (shade ?? 0) >= 2 ? "clair" : "sombre"
                let title = "\(label(of: issue)) — \(row.source)\(French.colon)\(passages(count))"
                out += "<a class=\"cellule\" href=\"#\(HTMLText.escape(panelID(issue.id)))\" "
                out += "data-enjeu=\"\(HTMLText.escape(issue.id))\" data-document=\"\(HTMLText.escape(row.source))\" "
                out += "data-compte=\"\(count)\" aria-label=\"\(HTMLText.escape(title))\">"
                out += "<title>\(HTMLText.escape(title))</title>"
                out += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" "
                out += "fill=\"\(fill)\"/>"
                out += "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + cellHeight / 2 + 4)\" text-anchor=\"middle\" "
                out += "class=\"\(ink)\">\(count)</text></a>\n"
            }
        }
        out += "</svg>"
        return out
    }

    /// Which shade a count gets: nil for zero, otherwise 0 (lightest) to 4 (darkest).
    static func shadeIndex(_ count: Int, maximum: Int) -> Int? {
        guard count > 0, maximum > 0 else { return nil }
        let steps = shades.count
        return min(steps - 1, (count - 1) * steps / maximum)
    }

    static func label(of issue: CategoryInfo) -> String {
        let label = issue.label.trimmingSpaces()
        return label.isEmpty ? issue.id : label
    }

    private static func passages(_ count: Int) -> String {
        count == 0
            ? "aucun passage au-dessus du seuil"
            : French.count(count, "passage au-dessus du seuil", "passages au-dessus du seuil")
    }

    /// The text cut to `limit` characters with an ellipsis.
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
