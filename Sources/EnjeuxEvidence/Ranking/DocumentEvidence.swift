import EnjeuxModel

/// Whether each document speaks of the issues enough for its passages to be listed.
///
/// A report, brief, article or notice about the issues either has passages that match
/// several terms of an issue, or has most of its passages above the listing threshold. A
/// manual or an off-topic page only has a weak word here and there, however long it is. So a
/// document is evidence when one of these holds:
/// - its **strength**, the mean score of its `passagesCounted` best scored passages (each
///   counted by its best issue; all of them when it has fewer), reaches `level` (15 and more
///   for the reports of the sample corpus and the development set, 1 to 3 for Debian's
///   manuals and the off-topic pages, with the default lexicon);
/// - its **share** of passages scoring above the listing threshold reaches `share` (a short
///   notice whose two passages are about the issues; the manuals stay under 0.11).
/// Term weights come from the share of passages that match them (IDF) and the share is a
/// proportion, so both mean the same on a small corpus and on a large one.
package struct DocumentEvidence: Sendable, Hashable {
    /// Strength of each document that has at least one scored passage, by document id.
    package let strengths: [String: Double]
    /// Share of each such document's passages that score above the threshold.
    package let shares: [String: Double]
    package let level: Double
    package let share: Double

    package init(scoreSet: ScoreSet, level: Double, passagesCounted: Int, share: Double, threshold: Double) {
        var best: [String: [Double]] = [:]
        for passage in scoreSet.passages {
            let top = passage.scores.reduce(0) { max($0, $1.score.isFinite ? $1.score : 0) }
            guard top > 0 else { continue }
            best[passage.documentId, default: []].append(top)
        }
        let passageCounts = Dictionary(
            scoreSet.documents.map { ($0.id, $0.passageCount) }, uniquingKeysWith: { first, _ in first })
        var strengths: [String: Double] = [:]
        var shares: [String: Double] = [:]
        for (document, scores) in best {
            let top = scores.sorted(by: >).prefix(max(1, passagesCounted))
            strengths[document] = top.reduce(0, +) / Double(top.count)
            let above = scores.count { $0 > threshold }
            shares[document] = Double(above) / Double(max(passageCounts[document] ?? scores.count, scores.count, 1))
        }
        self.strengths = strengths
        self.shares = shares
        self.level = level
        self.share = share
    }

    /// The strength of a document (0 when none of its passages scored).
    package func strength(of document: String) -> Double {
        strengths[document] ?? 0
    }

    /// True when the document's passages may be listed.
    package func isEvidence(_ document: String) -> Bool {
        strength(of: document) >= level || (shares[document] ?? 0) >= share
    }

    /// Documents with scored passages that are not evidence, strongest first, with their
    /// strength and share.
    package var leftOut: [(document: String, strength: Double, share: Double)] {
        strengths.keys.filter { !isEvidence($0) }.map {
            (document: $0, strength: strength(of: $0), share: shares[$0] ?? 0)
        }
        .sorted { $0.strength != $1.strength ? $0.strength > $1.strength : $0.document < $1.document }
    }
}
