import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxLexicon

/// Issue 24, items 4 and 6: alias bombs, control characters at their real position, files
/// that are not lexicons, weights that would make scores infinite.
@Suite struct HostileLexiconTests {
    private func errors(_ yaml: String) -> [LexiconDiagnostic] {
        LexiconChecker.check(yaml: yaml, file: "bomb.yaml").filter { $0.severity == .error }
    }

    /// Categories that all reuse one anchored list of `terms` terms.
    static func aliasBomb(terms: Int, categories: Int) -> String {
        var yaml =
            "name: bombe\nversion: \"1\"\ncategories:\n  c0:\n    label: C0\n    description: d\n    terms: &liste\n"
        for index in 0..<terms { yaml += "      - mot\(index)\n" }
        for category in 1..<categories {
            yaml += "  c\(category):\n    label: C\(category)\n    description: d\n    terms: *liste\n"
        }
        return yaml
    }

    @Test func anAliasBombIsRefusedAtTheAliasThatCrossesTheBudget() {
        // 2,000 terms reused by 200 categories: 400,000 terms once expanded.
        let started = Date()
        let found = errors(Self.aliasBomb(terms: 2_000, categories: 200))
        #expect(Date().timeIntervalSince(started) < 10)
        let first = found.first
        #expect(found.count == 1)
        #expect(first?.message.contains("aliases expand the lexicon beyond 100000 added nodes") == true)
        #expect(first?.message.contains("*liste") == true)
        // `terms:` of the category whose alias crossed the budget: c50 (50 × 2,001 > 100,000);
        // c1 starts at line 2,008, each category takes 4 lines, `terms:` is the 4th.
        #expect(first?.line == 2_008 + 4 * 49 + 3 && first?.column == 5)
    }

    @Test func aFewAliasesWithinTheBudgetAreRead() throws {
        let lexicon = try Lexicon.parse(yaml: Self.aliasBomb(terms: 20, categories: 3), file: "ok.yaml")
        #expect(lexicon.categories.map { $0.terms.count } == [20, 20, 20])
    }

    @Test func aControlCharacterIsReportedWhereItIs() {
        var yaml = "name: t\nversion: \"1\"\ncategories:\n  acces:\n    label: Accès\n    description: d\n    terms:\n"
        for index in 0..<26 { yaml += "      - terme\(index)\n" }
        yaml += "      - mau\u{07}vais\n"
        let found = errors(yaml)
        #expect(found.first?.line == 34)
        #expect(found.first?.column == 12)
        #expect(found.first?.message.contains("control characters are not allowed") == true)
        // The BEL itself is shown escaped, never written as it is.
        #expect(found.first.map { !"\($0)".unicodeScalars.contains("\u{07}") } == true)
    }

    @Test func aDeviceIsRefusedForWhatItIs() {
        let diagnostics = LexiconChecker.check(fileAt: URL(fileURLWithPath: "/dev/zero"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("not a regular file (a character device)") == true)
        #expect(diagnostics.first?.message.contains("permission") == false)
    }

    @Test func hugeAndInfiniteWeightsAreRefused() {
        let huge = errors(Fixture.lexiconYAML(terms: ["{term: autonomie, weight: 1e308}"]))
        #expect(huge.first?.message == "weight must be at most 1000, not 1e308")
        let infinite = errors(Fixture.lexiconYAML(terms: ["{term: autonomie, weight: .inf}"]))
        #expect(infinite.first?.message == "weight must be a finite number, not .inf")
        #expect(errors(Fixture.lexiconYAML(terms: ["{term: autonomie, weight: 1000}"])).isEmpty)
    }

    @Test func scoresAreFiniteAtTheLargestWeight() throws {
        let lexicon = try Fixture.lexicon(terms: ["{term: autonomie, weight: 1000}"])
        let passages = (0..<50).map {
            Fixture.passage(Array(repeating: "autonomie", count: 200).joined(separator: " "), index: $0)
        }
        let scored = Scorer(lexicon: lexicon).score(documents: [Fixture.document(passages)])
        let scores = scored.flatMap(\.scores)
        #expect(!scores.isEmpty)
        #expect(scores.allSatisfy { $0.score.isFinite && $0.matches.allSatisfy(\.contribution.isFinite) })
    }
}
