import EnjeuxModel
import Foundation

/// The heat map as an HTML table that stays small and quick at a thousand documents: a row
/// per document (its path as the row header), a column per issue (its label as the column
/// header, a button that sorts by it), a « Total » column, each count shaded by a class. A
/// count links to the issue's passages (the page script also selects the document in the
/// filter); a zero is plain text. Rows come sorted by total, most first. The rows of documents
/// without any passage follow, `hidden` (« Masquer les documents sans passage » is ticked by
/// default), each a single merged cell; without the script a style in `<noscript>` shows them.
enum HeatMapTable {
    /// Shade classes from light to dark (`n1`…`n5`); counts above zero are spread over them.
    static let shadeCount = 5
    /// Column widths in rem, as the style sheet gives them to the `<col>` elements.
    static let documentColumnWidth = 20.0
    static let totalColumnWidth = 4.0
    static let issueColumnWidth = 3.4

    /// The `<table>`. `panelID` gives the element id of each issue's section.
    static func render(_ map: HeatMap, panelID: (String) -> String) -> String {
        let rows = map.rowsByTotal
        var out = ""
        out.reserveCapacity(2048 + rows.count * (map.issues.count * 44 + 160))
        // Fixed widths: the browser lays the table out from its columns, without measuring every cell.
        let width = documentColumnWidth + totalColumnWidth + Double(map.issues.count) * issueColumnWidth
        out += "<table class=\"carte\" id=\"carte\" aria-labelledby=\"titre-carte\" "
        out += "style=\"width: \(DecimalText.fixed(width, decimals: 1, decimalSeparator: ".") ?? "60")rem\">\n"
        out += "<colgroup><col class=\"document\"><col class=\"total\">"
        if !map.issues.isEmpty { out += "<col span=\"\(map.issues.count)\" class=\"enjeu\">" }
        out += "</colgroup>\n<thead><tr>"
        out += "<th scope=\"col\">Document</th>"
        out += "<th scope=\"col\" class=\"total\" aria-sort=\"descending\"><button type=\"button\" data-tri=\"total\">"
        out += "Total</button></th>"
        for (column, issue) in map.issues.enumerated() {
            out += "<th scope=\"col\" class=\"enjeu\"><button type=\"button\" data-tri=\"\(column)\">"
            out += "\(HTMLText.escape(label(of: issue)))</button></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        let maximum = map.maximum
        let hrefs = map.issues.map { "#" + HTMLText.escape(panelID($0.id)) }
        for row in rows {
            let total = row.total
            let source = HTMLText.escape(row.source)
            if total == 0 {
                out += "<tr class=\"vide\" hidden><th scope=\"row\">\(source)</th><td class=\"total\">0</td>"
                out += "<td colspan=\"\(max(1, map.issues.count))\">aucun passage</td></tr>\n"
                continue
            }
            out += "<tr><th scope=\"row\">\(source)</th><td class=\"total\">\(total)</td>"
            for column in map.issues.indices {
                let count = column < row.counts.count ? row.counts[column] : 0
                guard let shade = shadeIndex(count, maximum: maximum) else {
                    out += "<td>0</td>"
                    continue
                }
                out += "<td class=\"n\(shade + 1)\"><a href=\"\(hrefs[column])\">\(count)</a></td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>"
        return out
    }

    /// Which shade a count gets: nil for zero, otherwise 0 (lightest) to 4 (darkest), on a
    /// logarithmic scale up to the largest count, so that a few very long documents (a manual
    /// with thousands of passages) do not leave every other count in the lightest shade.
    static func shadeIndex(_ count: Int, maximum: Int) -> Int? {
        guard count > 0, maximum > 0 else { return nil }
        let share = log(Double(count)) / log(Double(maximum) + 1)
        return min(shadeCount - 1, Int(Double(shadeCount) * share))
    }

    static func label(of issue: CategoryInfo) -> String {
        let label = issue.label.trimmingSpaces()
        return label.isEmpty ? issue.id : label
    }
}
