import Foundation

/// The features of an issue's candidates: one named column per feature, one sparse row per
/// passage, every value between 0 and 1 so that one regularisation suits them all.
///
/// - lexicon: `score du lexique` and `log du score` (over the best candidate's), one
///   `terme T` per lexicon term (its contributions over the best score), `occurrences` and
///   `termes distincts` (capped at 10 and 5), `autres enjeux` (other issues the passage is a
///   candidate for, capped at 5), `longueur` (words, capped at 200);
/// - document: `document D` (which document), `document : meilleur score` (its best
///   candidate over the best score) and `document : part des passages` (its share of
///   candidates);
/// - text: TF-IDF of words (`mot`), adjacent word pairs (`mots`) and Snowball stems
///   (`racine`) found in at least two candidates (tf = 1 + ln count, idf = ln((1 + n) /
///   (1 + df)) + 1), the block scaled to unit length in each row.
package struct FeatureMatrix: Sendable, Hashable {
    package var names: [String]
    package var rows: [SparseVector]

    package init(names: [String], rows: [SparseVector]) {
        self.names = names
        self.rows = rows
    }

    /// The features of `pool`, in a deterministic column order (first seen, in pool order).
    /// `texts`, when given, holds each candidate's `TextTerms.counts` (computed once for the
    /// passages that are candidates for several issues).
    package static func build(_ pool: [PoolPassage], texts given: [TextTerms.Summary]? = nil) -> FeatureMatrix {
        var columns: [String: Int] = [:]
        var names: [String] = []
        func column(_ name: String) -> Int {
            if let index = columns[name] { return index }
            columns[name] = names.count
            names.append(name)
            return names.count - 1
        }
        let best = max(pool.map(\.score).max() ?? 1, 1e-9)
        var documentBest: [String: Double] = [:]
        var documentCandidates: [String: Int] = [:]
        for item in pool {
            documentBest[item.source] = max(documentBest[item.source] ?? 0, item.score)
            documentCandidates[item.source, default: 0] += 1
        }
        var stems: [String: String] = [:]
        let texts = given ?? pool.map { TextTerms.summary($0.passage.fullText, stems: &stems) }
        var frequency: [String: Int] = [:]
        for text in texts { for name in text.counts.keys { frequency[name, default: 0] += 1 } }
        let n = Double(pool.count)

        var rows: [SparseVector] = []
        for (position, item) in pool.enumerated() {
            var entries: [Int: Double] = [:]
            entries[column("score du lexique")] = item.score / best
            entries[column("log du score")] = log1p(item.score) / log1p(best)
            var byTerm: [String: Double] = [:]
            for match in item.matches { byTerm[match.term, default: 0] += match.contribution }
            for term in byTerm.keys.sorted() { entries[column("terme \(term)")] = max(0, byTerm[term] ?? 0) / best }
            entries[column("occurrences")] = Double(min(item.matches.count, 10)) / 10
            entries[column("termes distincts")] = Double(min(byTerm.count, 5)) / 5
            entries[column("autres enjeux")] = Double(min(item.otherIssues, 5)) / 5
            entries[column("longueur")] = Double(min(texts[position].words, 200)) / 200
            entries[column("document \(item.source)")] = 1
            entries[column("document : meilleur score")] = (documentBest[item.source] ?? 0) / best
            entries[column("document : part des passages")] =
                Double(documentCandidates[item.source] ?? 0) / Double(max(1, item.documentPassages))

            // In name order, so that the sum (and every bit of the result) is the same at each run.
            var text: [(String, Double)] = []
            for (name, count) in texts[position].sorted where (frequency[name] ?? 0) >= 2 {
                let idf = log((1 + n) / (1 + Double(frequency[name] ?? 0))) + 1
                text.append((name, (1 + log(Double(count))) * idf))
            }
            let length = text.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            for (name, value) in text where length > 0 {
                entries[column(name)] = value / length
            }
            rows.append(SparseVector(entries))
        }
        return FeatureMatrix(names: names, rows: rows)
    }
}
