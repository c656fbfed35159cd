/// The knobs of the learned ranking (docs/learning.md).
package struct LearningSettings: Sendable, Hashable {
    /// Inverse regularisation strength of the logistic regression.
    package var c: Double
    /// Share of the lexicon score in the blend that orders unjudged passages:
    /// blended = lexiconWeight · score / best score + (1 − lexiconWeight) · P(relevant).
    package var lexiconWeight: Double
    /// Features named in each learned row's explanation.
    package var reasons: Int

    package init(c: Double = 1, lexiconWeight: Double = 0.3, reasons: Int = 3) {
        self.c = c
        self.lexiconWeight = lexiconWeight
        self.reasons = reasons
    }
}
