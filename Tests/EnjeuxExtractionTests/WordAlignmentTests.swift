import Testing

/// The word alignment used by the cross-format tests must itself be right.
@Suite struct WordAlignmentTests {
    @Test func wordsAreNormalised() {
        #expect(WordAlignment.words("« L’Œuvre », ﬁn : Peut-être…") == ["l'œuvre", "fin", "peut-être"])
    }

    @Test func smallInputsGiveTheExactSubsequence() {
        let a = "a b c d e f".split(separator: " ").map(String.init)
        let b = "x b c y e f".split(separator: " ").map(String.init)
        #expect(WordAlignment.matchedMask(a, b) == [false, true, true, false, true, true])
        #expect(WordAlignment.matchedMask(a, []) == Array(repeating: false, count: 6))
    }

    @Test func largeInputsUseAnchorsAndStayInOrder() {
        // 3,000 distinct words against the same words with every tenth one replaced and a
        // block moved: too big for the table, so the anchors must do the work.
        let a = (0..<3_000).map { "w\($0)" }
        var b = a.enumerated().map { $0.offset % 10 == 0 ? "other\($0.offset)" : $0.element }
        let moved = Array(b[100..<200])
        b.removeSubrange(100..<200)
        b.append(contentsOf: moved)
        let matched = WordAlignment.matchedMask(a, b).filter { $0 }.count
        #expect(matched == 2_700 - 90)
    }
}
