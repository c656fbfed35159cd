import Dispatch
import EnjeuxLexicon
import EnjeuxModel

/// How fast a lexicon scores a tokenized corpus held in memory: both scoring passes, as the
/// score stage runs them, repeated so that the best run shows the matcher rather than the
/// machine's noise.
package struct ScoringSpeed: Sendable {
    package var passages: Int
    /// UTF-8 bytes of passage text.
    package var bytes: Int
    /// Passages that scored for at least one issue.
    package var scored: Int
    package var runs: Int
    package var bestSeconds: Double

    /// Megabytes (10^6 bytes) of passage text per second in the best run.
    package var megabytesPerSecond: Double { Double(bytes) / 1e6 / max(bestSeconds, 1e-9) }

    /// Scores `documents` with `lexicon` `runs` times (at least once).
    package static func measure(lexicon: Lexicon, documents: [TokenizedDocument], runs: Int) -> ScoringSpeed {
        let bytes = documents.reduce(0) { total, document in
            total + document.passages.reduce(0) { $0 + $1.text.utf8.count }
        }
        let scorer = Scorer(lexicon: lexicon)
        var best = Double.infinity
        var scored = 0
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            scored = scorer.score(documents: documents).count
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return ScoringSpeed(
            passages: documents.reduce(0) { $0 + $1.passages.count }, bytes: bytes, scored: scored, runs: max(1, runs),
            bestSeconds: best)
    }
}
