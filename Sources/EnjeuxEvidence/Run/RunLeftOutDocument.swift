import EnjeuxModel

/// A document with scored passages that none of the lists shows, because its best passages
/// stay below the document evidence level (`DocumentEvidence`): listed in `run.json` and
/// `run.md` so that researchers see what was left out and why.
package struct RunLeftOutDocument: Codable, Sendable, Hashable {
    /// Path of the document relative to the corpus folder.
    package var source: String
    /// Mean score of its best passages.
    package var strength: Double
    /// Share of its passages above the listing threshold.
    package var share: Double

    package init(source: String, strength: Double, share: Double) {
        self.source = source
        self.strength = strength
        self.share = share
    }

    /// The documents `evidence` leaves out, strongest first, with their corpus paths.
    package static func list(_ evidence: DocumentEvidence, scoreSet: ScoreSet) -> [RunLeftOutDocument] {
        let sources = Dictionary(
            scoreSet.documents.map { ($0.id, $0.source) }, uniquingKeysWith: { first, _ in first })
        return evidence.leftOut.map {
            RunLeftOutDocument(
                source: sources[$0.document] ?? $0.document, strength: (($0.strength * 100).rounded()) / 100,
                share: (($0.share * 1000).rounded()) / 1000)
        }
    }
}
