import EnjeuxModel

/// « Enjeux abordés ensemble »: two SVG matrices of the issues, one counting passages and one
/// counting documents that raise both issues of a cell, shaded by count, each cell with its
/// count written in it and in a `<title>` (shown on hover); a reading note naming the pair
/// raised together most often; a table with the same counts. Inline SVG, no script.
enum CoOccurrenceSection {
    static let cell = 34.0
    static let labelWidth = 230.0
    static let header = 26.0

    static func html(_ matrix: IssueCoOccurrence) -> String {
        var out = "<section id=\"ensemble\" aria-labelledby=\"titre-ensemble\">\n"
        out += "<h2 id=\"titre-ensemble\">Enjeux abordés ensemble</h2>\n"
        guard !matrix.issues.isEmpty else { return out + "<p>Le lexique ne définit aucun enjeu.</p>\n</section>\n" }
        out +=
            "<p class=\"note-lecture\">Note de lecture\(French.colon)chaque case compte les passages (à gauche) ou les "
        out +=
            "documents (à droite) dont le score dépasse le seuil pour l’enjeu de la ligne et pour celui de la colonne, "
        out += "dans les documents retenus comme sources\(French.semicolon)la diagonale compte chaque enjeu seul. "
        out += "Plus la case est foncée, plus les deux enjeux vont ensemble. "
        if let pair = matrix.strongestPair {
            let first = HTMLText.escape(HeatMapTable.label(of: matrix.issues[pair.first]))
            let second = HTMLText.escape(HeatMapTable.label(of: matrix.issues[pair.second]))
            out += "Les deux enjeux le plus souvent abordés dans un même passage sont "
            out += "\(French.quoted(first)) et \(French.quoted(second)) "
            out += "(\(French.count(pair.passages, "passage", "passages")))."
        } else {
            out += "Aucun passage n’aborde deux enjeux à la fois."
        }
        out += "</p>\n"
        out += "<div class=\"matrices\" style=\"display: flex; flex-wrap: wrap; gap: 1.5rem;\">\n"
        out += svg(matrix, counts: matrix.passages, kind: "passages", unit: ("passage", "passages"))
        out += svg(matrix, counts: matrix.documents, kind: "documents", unit: ("document", "documents"))
        out += "</div>\n"
        out += table(matrix)
        return out + "</section>\n"
    }

    static func number(_ value: Double) -> String {
        DecimalText.fixed(value, decimals: 1, decimalSeparator: ".") ?? "0"
    }

    /// A cell's fill: white to dark blue with the count's share of the largest count off the diagonal.
    static func shade(_ count: Int, maximum: Int) -> String {
        guard count > 0, maximum > 0 else { return "#ffffff" }
        let strength = min(1, Double(count) / Double(maximum))
        let channel = { (light: Double, dark: Double) -> String in
            let value = Int((light + (dark - light) * strength).rounded())
            let digits = String(value, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "#" + channel(240, 30) + channel(244, 80) + channel(250, 150)
    }

    static func svg(_ matrix: IssueCoOccurrence, counts: [[Int]], kind: String, unit: (String, String)) -> String {
        let count = matrix.issues.count
        let size = labelWidth + Double(count) * cell + 4
        let heightValue = header + Double(count) * cell + 4
        let id = "ensemble-\(kind)"
        var offDiagonal = 0
        for a in 0..<count { for b in 0..<count where a != b { offDiagonal = max(offDiagonal, counts[a][b]) } }
        let diagonalMaximum = (0..<count).map { counts[$0][$0] }.max() ?? 0
        var out = "<figure class=\"matrice\" data-matrice=\"\(kind)\" style=\"margin: 0;\">\n"
        out +=
            "<svg role=\"img\" aria-labelledby=\"\(id)-titre\" width=\"\(number(size))\" height=\"\(number(heightValue))\" "
        out += "viewBox=\"0 0 \(number(size)) \(number(heightValue))\">\n"
        out += "<title id=\"\(id)-titre\">Enjeux abordés ensemble, en nombre de \(unit.1)</title>\n"
        for (column, _) in matrix.issues.enumerated() {
            out += "<text x=\"\(number(labelWidth + Double(column) * cell + cell / 2))\" y=\"\(number(header - 8))\" "
            out += "text-anchor=\"middle\" font-size=\"10\" fill=\"#333\">\(column + 1)</text>\n"
        }
        for (row, issue) in matrix.issues.enumerated() {
            let label = HTMLText.escape(HeatMapTable.label(of: issue))
            let top = header + Double(row) * cell
            out += "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(top + cell / 2 + 3))\" text-anchor=\"end\" "
            out += "font-size=\"10\" fill=\"#333\">\(row + 1). \(label)</text>\n"
            for (column, other) in matrix.issues.enumerated() {
                let value = counts[row][column]
                let diagonal = row == column
                let fill = shade(value, maximum: diagonal ? diagonalMaximum : offDiagonal)
                let otherLabel = HTMLText.escape(HeatMapTable.label(of: other))
                let left = labelWidth + Double(column) * cell
                out += "<g class=\"case\" data-ligne=\"\(HTMLText.escape(issue.id))\" "
                out += "data-colonne=\"\(HTMLText.escape(other.id))\" data-compte=\"\(value)\">"
                out += "<title>"
                out += diagonal ? "\(label)\(French.colon)" : "\(label) et \(otherLabel)\(French.colon)"
                out += "\(French.count(value, unit.0, unit.1))</title>"
                out += "<rect x=\"\(number(left + 1))\" y=\"\(number(top + 1))\" width=\"\(number(cell - 2))\" "
                out += "height=\"\(number(cell - 2))\" fill=\"\(fill)\" stroke=\"\(diagonal ? "#666" : "#d0d4d8")\"/>"
                let dark =
                    (diagonal ? diagonalMaximum : offDiagonal) > 0
                    && Double(value) / Double(diagonal ? diagonalMaximum : offDiagonal) > 0.55
                out +=
                    "<text x=\"\(number(left + cell / 2))\" y=\"\(number(top + cell / 2 + 3))\" text-anchor=\"middle\" "
                out += "font-size=\"9\" fill=\"\(dark ? "#fff" : "#222")\">\(value)</text></g>\n"
            }
        }
        out += "</svg>\n<figcaption>En nombre de \(unit.1)</figcaption>\n</figure>\n"
        return out
    }

    /// The counts as a table (the matrices' text alternative): passages, then documents in
    /// parentheses.
    static func table(_ matrix: IssueCoOccurrence) -> String {
        var out = "<details class=\"tableau-ensemble\"><summary>Tableau des valeurs</summary>\n"
        out += "<div class=\"defilement\"><table id=\"ensemble-tableau\">\n"
        out +=
            "<caption>Passages (et documents) abordant les deux enjeux</caption>\n<thead><tr><th scope=\"col\">Enjeu</th>"
        for (column, _) in matrix.issues.enumerated() { out += "<th scope=\"col\">\(column + 1)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (row, issue) in matrix.issues.enumerated() {
            out += "<tr><th scope=\"row\">\(row + 1). \(HTMLText.escape(HeatMapTable.label(of: issue)))</th>"
            for column in matrix.issues.indices {
                out +=
                    "<td data-passages=\"\(matrix.passages[row][column])\" data-documents=\"\(matrix.documents[row][column])\">"
                out +=
                    "\(French.integer(matrix.passages[row][column])) (\(French.integer(matrix.documents[row][column])))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div></details>\n"
    }
}
