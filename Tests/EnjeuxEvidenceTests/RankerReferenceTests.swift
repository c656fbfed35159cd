import EnjeuxModel
import EnjeuxTestSupport
import Testing

@testable import EnjeuxEvidence

/// Compares the ranker with a plain reference that groups every candidate by brute force,
/// on many small random score sets full of ties and duplicates.
@Suite("Ranker against a brute-force reference")
struct RankerReferenceTests {
    private func reference(_ set: ScoreSet, options: EvidenceOptions) -> [[String]] {
        let ranker = Ranker(options: options)
        let documents = Dictionary(set.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return set.categories.map { category in
            let candidates = ranker.candidates(
                for: category.id, in: set.passages, documents: documents, evidence: ranker.documentEvidence(set)
            ).items
            var groups: [DuplicateGroup] = []
            var leads: [TextFingerprint] = []
            for candidate in candidates {
                let passage = set.passages[candidate.position]
                let fingerprint = ranker.fingerprint(of: passage)
                if let index = leads.firstIndex(where: {
                    $0.key == fingerprint.key || $0.similarity(to: fingerprint) >= options.nearDuplicateSimilarity
                }) {
                    groups[index].duplicates.append(candidate)
                } else {
                    groups.append(DuplicateGroup(lead: candidate, leadDocumentId: passage.documentId))
                    leads.append(fingerprint)
                }
            }
            return Ranker.applyCap(groups, cap: options.perDocumentCap, cappedRanks: options.cappedRanks)
                .prefix(options.maximumPassages)
                .map { group in
                    ([group.lead] + group.duplicates).map { set.passages[$0.position].passageId }.joined(separator: "+")
                }
        }
    }

    @Test func sameResultAsTheReference() {
        var random = SeededGenerator(seed: 42)
        let words = ["lean", "cible", "équipe", "Équipe", "jugement", "autonomie", "charge"]
        for trial in 0..<300 {
            let documentCount = Int.random(in: 1...4, using: &random)
            let documents = (0..<documentCount).map { Fixture.document("d\($0)") }
            let passages = (0..<Int.random(in: 0...30, using: &random)).map { index -> ScoredPassage in
                let length = Int.random(in: 1...9, using: &random)
                let text = (0..<length).map { _ in words.randomElement(using: &random) ?? "" }.joined(separator: " ")
                let scores: [String: Double] = [
                    "autonomie": [0.4, 0.6, 0.7, 0.9].randomElement(using: &random) ?? 0,
                    "indicateurs": [0.55, 0.8].randomElement(using: &random) ?? 0,
                ]
                return Fixture.passage(
                    "d\(Int.random(in: 0..<documentCount, using: &random))", index, text, scores: scores)
            }
            let set = Fixture.scoreSet(
                categories: [Fixture.autonomie, Fixture.indicateurs], documents: documents, passages: passages)
            let options = EvidenceOptions(
                maximumPassages: Int.random(in: 0...8, using: &random),
                perDocumentCap: Int.random(in: 1...3, using: &random),
                cappedRanks: Int.random(in: 0...6, using: &random),
                nearDuplicateSimilarity: [0.5, 0.9, 1.0].randomElement(using: &random) ?? 0.9)
            let ranked = Ranker(options: options).rank(set).map { issue in
                issue.passages.map { ([$0.passage.passageId] + $0.alsoIn.map(\.passageId)).joined(separator: "+") }
            }
            #expect(ranked == reference(set, options: options), "trial \(trial)")
            // The same lists, passages and matches when the texts wait in a spool.
            let spooled = PassageSpoolTests.spooled(set, budget: Int.random(in: 0...200, using: &random)).0
            #expect(Ranker(options: options).rank(spooled) == Ranker(options: options).rank(set), "trial \(trial)")
        }
    }
}
