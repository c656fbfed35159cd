import EnjeuxLexicon
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxReview
import EnjeuxTestSupport
import EnjeuxTuning
import Foundation
import Testing

/// The workbench's in-memory passage index finds and scores exactly what scoring the whole
/// tokenized corpus from disk with the same one-term lexicon gives (what `kwic` does).
@Suite(.serialized) struct SearchIndexTests {
    @Test func indexSearchEqualsScoringTheWholeCorpus() throws {
        let harness = try ReviewHarness()
        let passages = harness.work.appendingPathComponent("passages")
        let index = try PassageIndex.build(passages: passages, jobs: 2)
        let manifest = try #require(TokenizeManifest.load(from: passages))
        #expect(index.passageCount == manifest.entries.reduce(0) { $0 + $1.passages })
        let base = try LexiconFile.load(
            SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml")
        ).0
        var found = 0
        for term in ["temps", "autonom*", "travail social", "charge NEAR/5 travail", "=ARS", "zzzqqq"] {
            let lexicon = try ConcordanceLexicon.term(term, base: base)
            let expected = try WorkScores.score(work: harness.work, lexicon: lexicon).passages.compactMap {
                passage -> String? in
                guard let score = passage.scores.first, !score.matches.isEmpty else { return nil }
                return "\(passage.passageId) \(score.score) \(score.matches)"
            }
            let hits = index.search(lexicon, jobs: 2)
            let actual = hits.map { "\($0.passage.passageId) \($0.score.score) \($0.score.matches)" }
            #expect(actual.sorted() == expected.sorted(), "\(term)")
            #expect(index.candidates(lexicon).count <= index.passageCount)
            found += actual.count
        }
        #expect(found > 0)
        // A term only some passages hold: the others are not even matched.
        let rare = try ConcordanceLexicon.term("autonom*", base: base)
        #expect(index.candidates(rare).count < index.passageCount)
    }
}
