/// Ranges of a text to highlight (matched terms), as both the Markdown bold and the HTML
/// marks need them before their own trimming: clamped to the text, sorted, and merged where
/// they overlap or touch.
enum HighlightRanges {
    static func merged(_ ranges: [Range<Int>], count: Int) -> [Range<Int>] {
        let clamped = ranges.compactMap { range -> Range<Int>? in
            let lower = max(0, min(range.lowerBound, count))
            let upper = max(lower, min(range.upperBound, count))
            return lower < upper ? lower..<upper : nil
        }.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var merged: [Range<Int>] = []
        for range in clamped {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
