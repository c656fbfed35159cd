import EnjeuxEvidence
import EnjeuxLearning
import Testing

@Suite struct IssueLearnerTests {
    @Test func judgedRelevantPassagesLeadAndJudgedNonRelevantOnesAreLeftOut() {
        let pool = LearningFixture.pool()
        let learned = IssueLearner.learn(pool: pool, grades: LearningFixture.grades)
        let adjustment = learned.adjustment
        #expect(adjustment.excluded == ["p3", "p4", "p6", "p8"])
        #expect(
            adjustment.summary == LearningSummary(judgments: 7, relevant: 3, notRelevant: 4, trained: true, excluded: 4)
        )
        let order = pool.map(\.passageId).filter { !adjustment.excluded.contains($0) }.sorted {
            (adjustment.keys[$0] ?? 0) > (adjustment.keys[$1] ?? 0)
        }
        // Grade 2 first, then grade 1, then the unjudged by the blend.
        #expect(Array(order.prefix(3)).sorted() == ["p0", "p1", "p7"].sorted())
        #expect(order[2] == "p7")
        // The unjudged practice passage outranks the unjudged sport one.
        #expect(order.firstIndex(of: "p9") ?? 99 < order.firstIndex(of: "p5") ?? 0)
        #expect(adjustment.rows["p9"]?.reasons.count == 3)
        #expect(adjustment.rows["p9"]?.judgedGrade == nil)
        #expect((adjustment.rows["p9"]?.probability ?? 0) > (adjustment.rows["p5"]?.probability ?? 1))
    }

    @Test func withoutBothKindsOfJudgmentThereIsNoModel() {
        let pool = LearningFixture.pool()
        let learned = IssueLearner.learn(pool: pool, grades: ["p0": 2])
        #expect(learned.model == nil)
        #expect(!learned.adjustment.summary.trained)
        // The blend is the lexicon score alone: unjudged passages keep the lexicon's order.
        let best = pool.map(\.score).max() ?? 1
        for item in pool where item.passageId != "p0" {
            #expect(abs((learned.adjustment.keys[item.passageId] ?? -1) - item.score / best) < 1e-12)
        }
        #expect((learned.adjustment.keys["p0"] ?? 0) > 4)
    }

    @Test func proposalsAreTheLikeliestThenTheUncertain() {
        let pool = LearningFixture.pool()
        let learned = IssueLearner.learn(pool: pool, grades: LearningFixture.grades)
        let proposals = IssueLearner.proposals(
            learned, pool: pool, grades: LearningFixture.grades, count: 1, uncertain: 2)
        #expect(proposals.count == 3)
        #expect(proposals.map(\.uncertain) == [false, true, true])
        let open = Set(["p2", "p5", "p9"])
        #expect(Set(proposals.map { pool[$0.position].passageId }) == open)
        let first = proposals[0].position
        #expect(
            learned.blended[first]
                == open.map { id in learned.blended[pool.firstIndex { $0.passageId == id } ?? 0] }.max())
    }

    @Test func featuresAreNamedAndScaled() {
        let matrix = FeatureMatrix.build(LearningFixture.pool())
        #expect(matrix.rows.count == 10)
        for name in ["score du lexique", "terme latitude", "document note.pdf", "mot clinique", "racine interven"] {
            #expect(matrix.names.contains(name), "\(name)")
        }
        #expect(matrix.rows.allSatisfy { $0.values.allSatisfy { $0 >= 0 && $0 <= 1.000_001 } })
        // Words used by a single candidate are not features.
        #expect(!matrix.names.contains("mot repas"))
        #expect(FeatureMatrix.build(LearningFixture.pool()) == matrix)
    }
}
