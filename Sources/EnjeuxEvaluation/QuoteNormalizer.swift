import Foundation

/// The text normalisation *N* of the evaluation set, applied to gold quotes and passage
/// texts before they are compared:
/// 1. Unicode NFKC;
/// 2. full case folding;
/// 3. canonical decomposition (NFD), then removal of every nonspacing mark (`Mn`);
/// 4. every run of characters that are not letters or digits (`L*`, `N*`) becomes one space;
/// 5. leading and trailing spaces are trimmed.
package enum QuoteNormalizer {
    /// The normalised form of `text`.
    package static func normalize(_ text: String) -> String {
        let compatible = text.precomposedStringWithCompatibilityMapping
        var folded = String.UnicodeScalarView()
        for scalar in compatible.unicodeScalars { appendCaseFolded(scalar, to: &folded) }
        let decomposed = String(folded).decomposedStringWithCanonicalMapping

        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in decomposed.unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark { continue }
            if isLetterOrDigit(category) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(result)
    }

    /// Full case folding of one scalar. The standard library exposes case mappings but not
    /// the folding table; for a scalar that changes when case-folded, lowercasing its
    /// uppercase mapping gives the full folding (ß → ss, ς → σ, ﬁ → fi) for the Latin,
    /// Greek and Cyrillic scripts.
    private static func appendCaseFolded(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView) {
        let properties = scalar.properties
        guard properties.changesWhenCaseFolded else {
            output.append(scalar)
            return
        }
        let folded = properties.uppercaseMapping.lowercased()
        output.append(contentsOf: folded.unicodeScalars)
    }

    private static func isLetterOrDigit(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
