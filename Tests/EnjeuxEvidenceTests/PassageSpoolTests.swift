import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxEvidence

/// Passages whose texts and matches wait in a temporary file (`PassageSpool`) give back
/// exactly what they held, and the evidence written from them is the same, byte for byte.
struct PassageSpoolTests {
    /// The score set with every passage's text and matches moved into a spool.
    static func spooled(_ scoreSet: ScoreSet, budget: Int = 0) -> (ScoreSet, PassageSpool) {
        let spool = PassageSpool(memoryBudget: budget)
        var copy = scoreSet
        for index in copy.passages.indices { spool.hold(&copy.passages[index]) }
        return (copy, spool)
    }

    @Test func aSpooledPassageGivesBackItsTextAndMatches() throws {
        var passage = Fixture.passage("d", 3, "Une « équipe » épuisée 🙂 par l’optimisation\nLean.", scores: [:])
        passage.scores = [
            CategoryScore(
                category: "optimisation", score: 0.75,
                matches: [
                    TermMatch(term: "optimis*", text: "optimisation", start: 31, end: 43, contribution: 0.5),
                    TermMatch(term: "lean", text: "Lean", start: 44, end: 48, contribution: 0.25),
                ]),
            CategoryScore(category: "conditions", score: 1e-300, matches: []),
            CategoryScore(
                category: "autonomie", score: 0.4,
                matches: [TermMatch(term: "équipe", text: "équipe", start: 6, end: 12, contribution: 0.4)]),
        ]
        let spool = PassageSpool(memoryBudget: 0)
        var stored = passage
        spool.store(&stored)
        #expect(stored.text.isEmpty && stored.scores.allSatisfy(\.matches.isEmpty))
        #expect(stored.spooled != nil && spool.spooledBytes > passage.text.utf8.count)
        #expect(stored.fullText == passage.text)
        #expect(stored.restored == passage)
        #expect(spool.readFailure == nil)
        // A passage never spooled is its own restored form.
        #expect(passage.restored == passage && passage.fullText == passage.text)
    }

    @Test func holdSpoolsOnlyPastItsBudget() {
        let passages = (0..<10).map { Fixture.passage("d", $0, String(repeating: "mot ", count: 25), scores: [:]) }
        let spool = PassageSpool(memoryBudget: 300)
        var held = passages
        for index in held.indices { spool.hold(&held[index]) }
        // 100 bytes each: the first three fill the budget, the others are spooled.
        #expect(held.map { $0.spooled == nil } == [true, true, true] + Array(repeating: false, count: 7))
        #expect(held.map(\.restored) == passages)
    }

    @Test func evidenceFromSpooledPassagesIsTheSame() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for scoreSet in [Fixture.varied(), TrendTests.corpus()] {
            let (spooledSet, spool) = Self.spooled(scoreSet)
            #expect(spooledSet.passages.allSatisfy { $0.spooled != nil })
            let plain = root.appendingPathComponent("plain/Evidence")
            let fromSpool = root.appendingPathComponent("spooled/Evidence")
            try EvidenceWriter.write(scoreSet: scoreSet, report: Fixture.report(), to: plain)
            _ = try EvidenceWriter.write(
                scoreSet: spooledSet, report: Fixture.report(), exports: [], spool: spool, to: fromSpool)
            let names = try FileManager.default.contentsOfDirectory(atPath: plain.path).sorted()
            #expect(try FileManager.default.contentsOfDirectory(atPath: fromSpool.path).sorted() == names)
            for name in names {
                let expected = try Data(contentsOf: plain.appendingPathComponent(name))
                #expect(try Data(contentsOf: fromSpool.appendingPathComponent(name)) == expected, "\(name) differs")
            }
            try FileManager.default.removeItem(at: root)
        }
    }
}
