/// When a ranked passage counts as finding a gold quote (both texts normalised by
/// `QuoteNormalizer`, same document): the passage contains the quote, or the passage is a
/// piece of the quote at least half as long as it. Containment is plain character
/// containment, without any word-boundary check.
package enum HitRule {
    /// Whether a passage whose normalised text is `passage` hits a quote whose normalised
    /// text is `quote`.
    package static func hits(passage: String, quote: String) -> Bool {
        guard !passage.isEmpty, !quote.isEmpty else { return false }
        if contains(passage, quote) { return true }
        let passageLength = passage.unicodeScalars.count
        let quoteLength = quote.unicodeScalars.count
        return 2 * passageLength >= quoteLength && contains(quote, passage)
    }

    /// Whether a ranked entry hits a gold line: same document, and `hits(passage:quote:)`.
    /// The issue is not checked here.
    package static func hits(_ entry: RankedEntry, _ gold: GoldLine) -> Bool {
        entry.source == gold.source && hits(passage: entry.normalizedText, quote: gold.normalizedQuote)
    }

    /// Substring test on UTF-8 bytes, which is character containment for well-formed text.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { big in
            needle.withUTF8 { small in
                guard small.count <= big.count else { return false }
                if small.isEmpty { return true }
                let first = small[0]
                var start = 0
                let last = big.count - small.count
                while start <= last {
                    if big[start] == first {
                        var offset = 1
                        while offset < small.count && big[start + offset] == small[offset] { offset += 1 }
                        if offset == small.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
