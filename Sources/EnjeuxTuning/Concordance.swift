import EnjeuxEvidence
import EnjeuxLexicon
import EnjeuxModel
import Foundation

/// One hit of a keyword-in-context listing: the matched text with a fixed window of the
/// passage's text on each side, and where it is.
package struct ConcordanceLine: Sendable, Hashable {
    package var source: String
    package var page: Int
    package var documentId: String
    package var passageId: String
    package var left: String
    package var match: String
    package var right: String
}

/// Keyword in context over the matches of a score set (scored with a one-term lexicon).
package enum Concordance {
    package enum Order: String, Sendable, CaseIterable {
        /// By source path, then position in the document.
        case source
        /// By the words left of the hit, the nearest first.
        case left
        /// By the words right of the hit.
        case right
    }

    /// Every match of every passage, `width` characters of context on each side (line breaks
    /// shown as spaces), in `order`.
    package static func lines(_ scoreSet: ScoreSet, width: Int, order: Order = .source) -> [ConcordanceLine] {
        let sources = Dictionary(
            scoreSet.documents.map { ($0.id, $0.source) }, uniquingKeysWith: { first, _ in first })
        var lines: [(line: ConcordanceLine, index: Int, start: Int)] = []
        for passage in scoreSet.passages {
            let scalars = Array(passage.text.unicodeScalars)
            var seen = Set<Range<Int>>()
            for score in passage.scores {
                for match in score.matches {
                    let lower = max(0, min(match.start, scalars.count))
                    let upper = max(lower, min(match.end, scalars.count))
                    guard seen.insert(lower..<upper).inserted else { continue }
                    let line = ConcordanceLine(
                        source: sources[passage.documentId] ?? passage.documentId, page: passage.page,
                        documentId: passage.documentId, passageId: passage.passageId,
                        left: flat(scalars[max(0, lower - width)..<lower]), match: flat(scalars[lower..<upper]),
                        right: flat(scalars[upper..<min(scalars.count, upper + width)]))
                    lines.append((line, passage.index, lower))
                }
            }
        }
        func bySource(
            _ a: (line: ConcordanceLine, index: Int, start: Int), _ b: (line: ConcordanceLine, index: Int, start: Int)
        ) -> Bool {
            if a.line.source != b.line.source {
                return a.line.source.unicodeScalars.lexicographicallyPrecedes(b.line.source.unicodeScalars)
            }
            return (a.index, a.start) < (b.index, b.start)
        }
        let ordered: [(line: ConcordanceLine, index: Int, start: Int)]
        switch order {
        case .source:
            ordered = lines.sorted(by: bySource)
        case .left:
            ordered = lines.sorted { a, b in
                let ka = sortKey(wordsOutwards(a.line.left))
                let kb = sortKey(wordsOutwards(b.line.left))
                return ka != kb ? ka < kb : bySource(a, b)
            }
        case .right:
            ordered = lines.sorted { a, b in
                let ka = sortKey(a.line.right)
                let kb = sortKey(b.line.right)
                return ka != kb ? ka < kb : bySource(a, b)
            }
        }
        return ordered.map(\.line)
    }

    /// Context text on one line: line breaks and tabs become spaces.
    static func flat(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars {
            view.append(scalar.properties.isWhitespace ? " " : scalar)
        }
        return String(view)
    }

    /// The left context's words from the hit outwards ("Zèle et" → "et Zèle").
    static func wordsOutwards(_ left: String) -> String {
        left.split(whereSeparator: { $0.isWhitespace }).reversed().joined(separator: " ")
    }

    /// Case- and accent-insensitive key, leading spaces ignored.
    static func sortKey(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).folding(
            options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Aligned text: right-aligned left context, the hit between brackets, right context, source.
    package static func text(_ lines: [ConcordanceLine], width: Int) -> String {
        var out = ""
        for line in lines {
            let padding = String(repeating: " ", count: max(0, width - line.left.unicodeScalars.count))
            out += "\(padding)\(line.left) [\(line.match)] \(line.right)"
            let rightPadding = String(repeating: " ", count: max(0, width - line.right.unicodeScalars.count))
            out += "\(rightPadding)  \(line.source), p. \(line.page)\n"
        }
        return out
    }

    package static func csv(_ lines: [ConcordanceLine]) -> String {
        CSVText.document(
            header: ["source", "page", "left", "match", "right", "passage_id"],
            rows: lines.map { [$0.source, "\($0.page)", $0.left, $0.match, $0.right, $0.passageId] })
    }

    /// A self-contained page: one table row per hit, the hit in bold.
    package static func html(_ lines: [ConcordanceLine], term: String) -> String {
        let e = HTMLText.escape
        var out = """
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Concordance : \(e(term))</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse}td{padding:.2em .5em;border-bottom:1px solid #eee;white-space:nowrap}
            .left{text-align:right}.hit{font-weight:bold;background:#fff3b0}.where{color:#555;font-size:.9em}
            </style></head><body>
            <h1>Concordance : « \(e(term)) »</h1>
            <p>\(lines.count) occurrence\(lines.count == 1 ? "" : "s").</p>
            <table><tbody>

            """
        for line in lines {
            out += "<tr><td class=\"left\">\(e(line.left))</td><td class=\"hit\">\(e(line.match))</td>"
            out += "<td>\(e(line.right))</td><td class=\"where\">\(e(line.source)), p. \(line.page)</td></tr>\n"
        }
        return out + "</tbody></table></body></html>\n"
    }
}

/// The one-term lexicons `kwic` matches with.
package enum ConcordanceLexicon {
    package enum Problem: Error, Sendable, CustomStringConvertible {
        case unknownEntry(String)
        case invalidTerm(String)

        package var description: String {
            switch self {
            case .unknownEntry(let entry): "no entry \(entry) in the lexicon (expected ISSUE:TERM as written there)"
            case .invalidTerm(let detail): "invalid term: \(detail)"
            }
        }
    }

    /// A term written as in a lexicon, matched with `base`'s normalisation, without exclusions.
    package static func term(_ term: String, base: Lexicon) throws(Problem) -> Lexicon {
        let quoted = term.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let yaml = """
            name: kwic
            version: "1"
            categories:
              kwic:
                label: kwic
                description: concordance
                terms:
                  - "\(quoted)"
            """
        var lexicon: Lexicon
        do {
            lexicon = try Lexicon.parse(yaml: yaml, file: "kwic")
        } catch {
            throw .invalidTerm("\(error)")
        }
        lexicon.analyzerOptions = base.analyzerOptions
        return lexicon
    }

    /// One entry of `base` (`ISSUE:TERM`, the term as written there) with its issue's exclusions.
    package static func entry(_ entry: String, base: Lexicon) throws(Problem) -> Lexicon {
        guard let colon = entry.firstIndex(of: ":") else { throw .unknownEntry(entry) }
        let issue = String(entry[..<colon])
        let text = String(entry[entry.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        guard var category = base.categories.first(where: { $0.id == issue }),
            let term = category.terms.first(where: { $0.text == text })
        else { throw .unknownEntry(entry) }
        category.terms = [term]
        var lexicon = base
        lexicon.categories = [category]
        lexicon.context = nil
        return lexicon
    }
}
