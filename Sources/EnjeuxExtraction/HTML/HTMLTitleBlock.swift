import EnjeuxModel

/// The page's own title at the top of its main text. Pages repeat their title as the
/// article's first heading; it is kept in the metadata (cited with every passage), and left
/// out of the text, as readability and trafilatura do, so that it is not read as a passage.
enum HTMLTitleBlock {
    /// Longest heading, in words, taken for a title.
    static let maximumWordCount = 40

    /// `blocks` without its first block when that is a heading whose words the page
    /// declares as its title (`<title>`, a meta title or the JSON-LD headline).
    static func removingLeadingTitle(from blocks: [Block], declaredTitles: [String]) -> [Block] {
        guard let first = blocks.first, first.kind == .heading, blocks.count > 1 else { return blocks }
        let words = wordsOf(first.text)
        guard !words.isEmpty, words.count <= maximumWordCount else { return blocks }
        let isTitle = declaredTitles.contains { containsRun(wordsOf($0), words) }
        return isTitle ? Array(blocks.dropFirst()) : blocks
    }

    /// Lowercased runs of letters and digits; typographic and straight quotes alike vanish.
    static func wordsOf(_ text: String) -> [Substring] {
        let lowered = text.lowercased()
        return lowered.split { !$0.isLetter && !$0.isNumber }
    }

    /// Whether `run` occurs, contiguous, in `words`.
    private static func containsRun(_ words: [Substring], _ run: [Substring]) -> Bool {
        guard run.count <= words.count else { return false }
        for start in 0...(words.count - run.count) where words[start] == run[0] {
            if words[start..<(start + run.count)].elementsEqual(run) { return true }
        }
        return false
    }
}
