import EnjeuxModel

/// « Évolution dans le temps »: per issue, a small SVG line chart of the share of each year's
/// passages that are evidence for it, on one scale for all issues; the number of documents
/// of each year under its label and in a bar chart, so that a thin year is not over-read
/// (a year with fewer than `thinYear` documents is drawn as an open circle). Every point has
/// its figures in a `<title>` (shown on hover) and in `data-` attributes; a table gives the
/// same figures. Inline SVG, no script.
enum TrendSection {
    static let thinYear = 3
    static let width = 300.0
    static let height = 150.0
    static let left = 44.0
    static let right = 12.0
    static let top = 14.0
    static let bottom = 34.0

    static func html(_ trends: YearTrends) -> String {
        var out = "<section id=\"evolution\" aria-labelledby=\"titre-evolution\">\n"
        out += "<h2 id=\"titre-evolution\">Évolution dans le temps</h2>\n"
        guard !trends.years.isEmpty, !trends.issues.isEmpty else {
            out += "<p>Aucun document n’a d’année de publication connue"
            out +=
                trends.undatedDocuments > 0
                ? " (\(French.count(trends.undatedDocuments, "document", "documents")) sans année).</p>\n" : ".</p>\n"
            return out + "</section>\n"
        }
        out += "<p>Pour chaque enjeu, la part des passages de chaque année (année de publication du document) dont le "
        out +=
            "score dépasse le seuil, dans les documents retenus comme sources. Toutes les courbes ont la même échelle. "
        out +=
            "Sous chaque année, le nombre de documents\(French.semicolon)une année de moins de \(thinYear) documents "
        out += "est marquée d’un cercle vide\(French.colon)sa part repose sur peu de textes."
        if trends.undatedDocuments > 0 {
            out +=
                " \(French.count(trends.undatedDocuments, "document sans année n’est", "documents sans année ne sont")) pas compté\(trends.undatedDocuments > 1 ? "s" : "")."
        }
        out += "</p>\n"
        out += documentsChart(trends)
        let scale = niceMaximum(trends.maximumShare)
        out += "<div class=\"petits-multiples\" style=\"display: flex; flex-wrap: wrap; gap: 1rem;\">\n"
        for index in trends.issues.indices {
            out += chart(trends, issue: index, scale: scale)
        }
        out += "</div>\n"
        out += table(trends)
        return out + "</section>\n"
    }

    /// The top of the vertical scale: the smallest round share at or above `share`.
    static func niceMaximum(_ share: Double) -> Double {
        for step in [0.01, 0.02, 0.04, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0] where share <= step { return step }
        return 1
    }

    static func x(_ year: Int, _ trends: YearTrends) -> Double {
        let first = trends.years.first?.year ?? year
        let last = trends.years.last?.year ?? year
        guard last > first else { return (left + width - right) / 2 }
        return left + Double(year - first) / Double(last - first) * (width - left - right)
    }

    static func y(_ share: Double, scale: Double) -> Double {
        top + (1 - min(share, scale) / scale) * (height - top - bottom)
    }

    static func percent(_ share: Double) -> String {
        French.decimal(share * 100, decimals: 1) + French.noBreakSpace + "%"
    }

    /// An axis label: `20 %`, `2,5 %`.
    static func axisPercent(_ share: Double) -> String {
        let value = share * 100
        let text = value == value.rounded() ? String(Int(value)) : French.decimal(value, decimals: 1)
        return text + French.noBreakSpace + "%"
    }

    static func number(_ value: Double) -> String {
        DecimalText.fixed(value, decimals: 1, decimalSeparator: ".") ?? "0"
    }

    /// Which years get a label under the axis: all of them up to eight, else every k-th, the
    /// last always.
    static func labelled(_ trends: YearTrends) -> Set<Int> {
        let step = max(1, (trends.years.count + 7) / 8)
        var years = Set(trends.years.enumerated().filter { $0.offset % step == 0 }.map(\.element.year))
        if let last = trends.years.last { years.insert(last.year) }
        return years
    }

    static func chart(_ trends: YearTrends, issue index: Int, scale: Double) -> String {
        let issue = trends.issues[index]
        let id = "evolution-\(index)"
        let label = HTMLText.escape(HeatMapTable.label(of: issue))
        var out = "<figure class=\"evolution\" data-enjeu=\"\(HTMLText.escape(issue.id))\" style=\"margin: 0;\">\n"
        out += "<svg role=\"img\" aria-labelledby=\"\(id)-titre \(id)-desc\" width=\"\(number(width))\" "
        out += "height=\"\(number(height))\" viewBox=\"0 0 \(number(width)) \(number(height))\">\n"
        out += "<title id=\"\(id)-titre\">\(label)\(French.colon)part des passages par année</title>\n"
        let summary = trends.years.map { "\($0.year) \(percent($0.share(index)))" }.joined(separator: ", ")
        out += "<desc id=\"\(id)-desc\">\(HTMLText.escape(summary)).</desc>\n"
        // Axes and the grid: 0, half and the top of the scale.
        for fraction in [0.0, 0.5, 1.0] {
            let level = y(scale * fraction, scale: scale)
            out += "<line x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(number(level))\" "
            out += "y2=\"\(number(level))\" stroke=\"#d0d4d8\" stroke-width=\"1\"/>\n"
            out += "<text x=\"\(number(left - 4))\" y=\"\(number(level + 3))\" text-anchor=\"end\" font-size=\"9\" "
            out += "fill=\"#444\">\(axisPercent(scale * fraction))</text>\n"
        }
        let labelledYears = labelled(trends)
        for year in trends.years where labelledYears.contains(year.year) {
            let position = number(x(year.year, trends))
            out += "<text x=\"\(position)\" y=\"\(number(height - bottom + 12))\" text-anchor=\"middle\" "
            out += "font-size=\"9\" fill=\"#444\">\(year.year)</text>\n"
            out += "<text x=\"\(position)\" y=\"\(number(height - bottom + 23))\" text-anchor=\"middle\" "
            out += "font-size=\"8\" fill=\"#666\">\(year.documents)\(French.noBreakSpace)doc.</text>\n"
        }
        let points = trends.years.map { "\(number(x($0.year, trends))),\(number(y($0.share(index), scale: scale)))" }
        out += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
        out += "stroke=\"\(QDACodebook.palette[index % QDACodebook.palette.count])\" stroke-width=\"2\"/>\n"
        for year in trends.years {
            let share = year.share(index)
            let thin = year.documents < thinYear
            let color = QDACodebook.palette[index % QDACodebook.palette.count]
            out +=
                "<circle class=\"point\" cx=\"\(number(x(year.year, trends)))\" cy=\"\(number(y(share, scale: scale)))\" "
            out += "r=\"3.5\" fill=\"\(thin ? "#fff" : color)\" stroke=\"\(color)\" stroke-width=\"1.5\" "
            out +=
                "data-annee=\"\(year.year)\" data-passages=\"\(year.evidence[index])\" data-total=\"\(year.passages)\" "
            out +=
                "data-documents=\"\(year.documents)\" data-part=\"\(DecimalText.fixed(share, decimals: 6, decimalSeparator: ".") ?? "0")\">"
            out += "<title>\(year.year)\(French.colon)\(French.count(year.evidence[index], "passage", "passages")) sur "
            out += "\(French.integer(year.passages)) (\(percent(share))), "
            out += "\(French.count(year.documents, "document", "documents"))</title></circle>\n"
        }
        out += "</svg>\n<figcaption>\(label)</figcaption>\n</figure>\n"
        return out
    }

    /// Documents per year, as bars with their count.
    static func documentsChart(_ trends: YearTrends) -> String {
        let most = max(1, trends.years.map(\.documents).max() ?? 1)
        let bar = 26.0
        let chartWidth = max(width, left + Double(trends.years.count) * bar + right)
        let chartHeight = 90.0
        var out = "<figure class=\"documents-par-annee\" style=\"margin: 0 0 1rem 0;\">\n"
        out += "<svg role=\"img\" aria-labelledby=\"evolution-documents-titre\" width=\"\(number(chartWidth))\" "
        out += "height=\"\(number(chartHeight))\" viewBox=\"0 0 \(number(chartWidth)) \(number(chartHeight))\">\n"
        out += "<title id=\"evolution-documents-titre\">Documents par année</title>\n"
        let labelledYears = labelled(trends)
        for (offset, year) in trends.years.enumerated() {
            let barHeight = Double(year.documents) / Double(most) * 50
            let x0 = left + Double(offset) * bar
            out += "<rect class=\"documents\" x=\"\(number(x0 + 3))\" y=\"\(number(66 - barHeight))\" "
            out += "width=\"\(number(bar - 6))\" height=\"\(number(barHeight))\" fill=\"#9aa5b1\" "
            out += "data-annee=\"\(year.year)\" data-documents=\"\(year.documents)\">"
            out += "<title>\(year.year)\(French.colon)\(French.count(year.documents, "document", "documents")), "
            out += "\(French.count(year.passages, "passage", "passages"))</title></rect>\n"
            out += "<text x=\"\(number(x0 + bar / 2))\" y=\"\(number(62 - barHeight))\" text-anchor=\"middle\" "
            out += "font-size=\"8\" fill=\"#333\">\(year.documents)</text>\n"
            if labelledYears.contains(year.year) {
                out += "<text x=\"\(number(x0 + bar / 2))\" y=\"80\" text-anchor=\"middle\" font-size=\"9\" "
                out += "fill=\"#444\">\(year.year)</text>\n"
            }
        }
        out += "</svg>\n<figcaption>Documents par année de publication</figcaption>\n</figure>\n"
        return out
    }

    /// The same figures as a table (the charts' text alternative).
    static func table(_ trends: YearTrends) -> String {
        var out = "<details class=\"tableau-evolution\"><summary>Tableau des valeurs</summary>\n"
        out += "<div class=\"defilement\"><table id=\"evolution-tableau\">\n"
        out += "<caption>Passages dont le score dépasse le seuil, par année et par enjeu (part des passages de "
        out += "l’année)</caption>\n<thead><tr><th scope=\"col\">Année</th><th scope=\"col\">Documents</th>"
        out += "<th scope=\"col\">Passages</th>"
        for issue in trends.issues { out += "<th scope=\"col\">\(HTMLText.escape(HeatMapTable.label(of: issue)))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for year in trends.years {
            out += "<tr data-annee=\"\(year.year)\"><th scope=\"row\">\(year.year)</th>"
            out += "<td>\(French.integer(year.documents))</td><td>\(French.integer(year.passages))</td>"
            for index in trends.issues.indices {
                out += "<td data-passages=\"\(year.evidence[index])\">\(French.integer(year.evidence[index])) "
                out += "(\(percent(year.share(index))))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div></details>\n"
    }
}
