import LibXMLKit

/// Finds the article with the help of the text a page declares in JSON-LD (`articleBody`).
///
/// The declared text is often trimmed or reworded, so it is only a hint: runs of three
/// words of each text node are looked up among those of the declared text, and the element
/// whose text agrees best (most matching words, fewest others) is where the article is.
struct HTMLArticleBodyHint {
    /// The declared text must have at least this many runs of three words to be a hint.
    static let minimumRuns = 30

    private let runs: Set<Int>

    init?(articleBody: String?) {
        guard let articleBody else { return nil }
        let runs = Self.runs(of: Self.words(articleBody))
        guard runs.count >= Self.minimumRuns else { return nil }
        self.runs = Set(runs)
    }

    /// Agreement of each subtree with the declared text: words of its text nodes that open a
    /// run of the declared text, and the other words.
    func agreement(tree: HTMLTree, removed: [Bool]) -> (matched: [Int], other: [Int]) {
        let count = tree.count
        var matched = Array(repeating: 0, count: count)
        var other = Array(repeating: 0, count: count)
        for index in stride(from: count - 1, through: 1, by: -1) where !removed[index] {
            // A text node of one or two words (a link, an emphasis) has no run: it counts
            // for neither side.
            if tree.kind(at: index) == .text {
                let words = Self.words(tree.text(at: index))
                if words.count >= 3 {
                    let found = Self.runs(of: words).count { runs.contains($0) }
                    matched[index] = found
                    other[index] = words.count - 2 - found
                }
            }
            guard let parent = tree.parent(at: index) else { continue }
            matched[parent] += matched[index]
            other[parent] += other[index]
        }
        return (matched, other)
    }

    /// Runs of three words in the declared text.
    var runCount: Int { runs.count }

    /// The element that agrees best with the declared text, when it holds enough of it
    /// (`share` of its runs) and more than the `current` roots do.
    func betterRoot(than current: [Int], tree: HTMLTree, removed: [Bool], share: Double) -> Int? {
        let (matched, other) = agreement(tree: tree, removed: removed)
        let currentMatched = current.reduce(0) { $0 + matched[$1] }
        let currentOther = current.reduce(0) { $0 + other[$1] }
        let needed = Int(share * Double(runCount))
        var best: Int?
        var bestBalance = 0
        for index in 1..<tree.count where tree.kind(at: index) == .element && !removed[index] {
            let balance = matched[index] - other[index]
            if balance > bestBalance {
                bestBalance = balance
                best = index
            }
        }
        guard let best, matched[best] >= needed else { return nil }
        if matched[best] > currentMatched && currentMatched < needed { return best }
        // As much of the declared text with far fewer other words: the roots held furniture.
        if Double(matched[best]) >= 0.95 * Double(currentMatched), 2 * other[best] < currentOther,
            currentOther - other[best] > 20
        {
            return best
        }
        return nil
    }

    /// Words of a text: runs of letters and digits, each ideograph or kana a word of its own
    /// (scripts written without spaces). ASCII is classified by its code, the rest by its
    /// Unicode properties.
    static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isIdeographic(scalar) {
                if let begin = start { words.append(text[begin..<index]) }
                start = nil
                words.append(text[index..<next])
            } else if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let begin = start {
                words.append(text[begin..<index])
                start = nil
            }
            index = next
        }
        if let begin = start { words.append(text[begin...]) }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    private static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// Hashes of the runs of three lowercased words (one per word, the last two included
    /// in the run they end).
    private static func runs(of words: [Substring]) -> [Int] {
        guard words.count >= 3 else { return [] }
        let lowered = words.map { $0.lowercased() }
        return (0..<(lowered.count - 2)).map { start in
            var hasher = Hasher()
            hasher.combine(lowered[start])
            hasher.combine(lowered[start + 1])
            hasher.combine(lowered[start + 2])
            return hasher.finalize()
        }
    }
}
