import Testing

@Suite("Word-level LCS used by the HTML tests")
struct HTMLWordMatchingTests {
    @Test func lcsOfKnownSequences() {
        let a = HTMLTestHelpers.words("le chat mange la souris grise")
        let b = HTMLTestHelpers.words("le chien mange la souris")
        #expect(HTMLTestHelpers.longestCommonSubsequence(a, b) == 4)
        #expect(HTMLTestHelpers.longestCommonSubsequence(a, []) == 0)
    }

    @Test func precisionAndRecall() {
        let scores = HTMLTestHelpers.precisionRecall(extracted: "a b c d", reference: "a b x c d e")
        #expect(scores.precision == 1)
        #expect(abs(scores.recall - 4.0 / 6.0) < 1e-9)
    }
}
