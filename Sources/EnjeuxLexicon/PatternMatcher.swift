/// Where one compiled pattern matched in a passage.
struct PatternMatch: Sendable, Hashable {
    /// Index of the pattern in `CompiledLexicon.entries`.
    var pattern: Int
    /// Token ranges the match covers: one for a phrase, two for a NEAR pair.
    var ranges: [Range<Int>]

    var first: Int { ranges.map(\.lowerBound).min() ?? 0 }
    var end: Int { ranges.map(\.upperBound).max() ?? 0 }
    var tokenCount: Int { ranges.reduce(0) { $0 + $1.count } }

    /// True when this match covers every token of `other` and more: a longer, more specific
    /// match (a term that contains an exclusion survives it).
    func strictlyContains(_ other: PatternMatch) -> Bool {
        let covered = Set(ranges.flatMap { $0 })
        let otherTokens = Set(other.ranges.flatMap { $0 })
        return otherTokens.isSubset(of: covered) && covered.count > otherTokens.count
    }

    func overlaps(_ other: PatternMatch) -> Bool {
        ranges.contains { range in other.ranges.contains { range.overlaps($0) } }
    }
}

/// Finds every occurrence of every pattern of a compiled lexicon in one pass over the tokens.
struct PatternMatcher {
    let lexicon: CompiledLexicon
    let passage: PassageTokens

    /// All matches, terms and exclusions alike, by start token then pattern id.
    func allMatches() -> [PatternMatch] {
        var matches: [PatternMatch] = []
        for index in 0..<passage.count {
            for id in candidates(at: index) {
                if let match = match(pattern: id, at: index) { matches.append(match) }
            }
        }
        return matches
    }

    /// The patterns whose first element can match token `index`, in id order.
    private func candidates(at index: Int) -> [Int] {
        let token = passage.tokens[index]
        var ids: [Int] = []
        if let found = lexicon.byStem[token.stem] { ids += found }
        if let found = lexicon.byNorm[token.norm] { ids += found }
        if lexicon.hasExactForms, let found = lexicon.byExact[passage.surface(index)] { ids += found }
        if !lexicon.prefixLengths.isEmpty {
            let characters = Array(token.norm)
            for length in lexicon.prefixLengths where length <= characters.count {
                if let found = lexicon.byPrefix[String(characters[..<length])] { ids += found }
            }
        }
        if ids.count > 1 { ids = Array(Set(ids)).sorted() }
        return ids
    }

    private func match(pattern id: Int, at index: Int) -> PatternMatch? {
        switch lexicon.entries[id].pattern {
        case .sequence(let sequence):
            guard let end = matchSequence(sequence, at: index) else { return nil }
            return PatternMatch(pattern: id, ranges: [index..<end])
        case .near(let left, let right, let distance):
            guard let leftEnd = matchSequence(left, at: index) else { return nil }
            guard let rightRange = nearest(right, around: index..<leftEnd, distance: distance) else { return nil }
            return PatternMatch(
                pattern: id, ranges: [index..<leftEnd, rightRange].sorted { $0.lowerBound < $1.lowerBound })
        }
    }

    /// The closest match of `sequence` in the same sentence as `anchor`, with at most
    /// `distance` words between the two; after the anchor wins a tie.
    private func nearest(_ sequence: TermSequence, around anchor: Range<Int>, distance: Int) -> Range<Int>? {
        let sentence = passage.sentence[anchor.lowerBound]
        var best: (range: Range<Int>, gap: Int)? = nil
        var start = anchor.upperBound
        while start < passage.count, passage.sentence[start] == sentence,
            passage.ordinal[start] - passage.ordinal[anchor.upperBound] <= distance
        {
            if let end = matchSequence(sequence, at: start) {
                best = (start..<end, passage.ordinal[start] - passage.ordinal[anchor.upperBound])
                break
            }
            start += 1
        }
        var before = anchor.lowerBound - 1
        while before >= 0, passage.sentence[before] == sentence,
            passage.ordinal[anchor.lowerBound] - passage.ordinal[before] <= distance + 1
        {
            if let end = matchSequence(sequence, at: before), end <= anchor.lowerBound {
                let gap = passage.ordinal[anchor.lowerBound] - passage.ordinal[end]
                if gap <= distance && (best == nil || gap < (best?.gap ?? Int.max)) {
                    best = (before..<end, gap)
                }
                break
            }
            before -= 1
        }
        return best?.range
    }

    /// The end (exclusive) of a match of `sequence` starting at token `start`, or nil.
    func matchSequence(_ sequence: TermSequence, at start: Int) -> Int? {
        matchElements(sequence.elements[...], from: start, flexible: sequence.flexible, isFirst: true)
    }

    private func matchElements(
        _ elements: ArraySlice<TermElement>, from position: Int, flexible: Bool, isFirst: Bool
    ) -> Int? {
        guard let element = elements.first else { return position }
        let rest = elements.dropFirst()
        for start in startPositions(from: position, flexible: flexible && !isFirst) {
            switch element {
            case .optional(let alternatives), .choice(let alternatives):
                for alternative in alternatives {
                    if let afterGroup = matchElements(alternative[...], from: start, flexible: false, isFirst: true),
                        let end = matchElements(rest, from: afterGroup, flexible: flexible, isFirst: false)
                    {
                        return end
                    }
                }
            default:
                if start < passage.count, matches(element, token: start),
                    let end = matchElements(rest, from: start + 1, flexible: flexible, isFirst: false)
                {
                    return end
                }
            }
        }
        if case .optional = element {
            return matchElements(rest, from: position, flexible: flexible, isFirst: isFirst)
        }
        return nil
    }

    /// Where the next element may start: here, or (in a flexible phrase) after up to
    /// `FunctionWords.maximumGap` skippable tokens.
    private func startPositions(from position: Int, flexible: Bool) -> [Int] {
        guard flexible else { return [position] }
        var positions = [position]
        var next = position
        while positions.count <= FunctionWords.maximumGap, next < passage.count, passage.skippable[next] {
            next += 1
            positions.append(next)
        }
        return positions
    }

    private func matches(_ element: TermElement, token index: Int) -> Bool {
        let token = passage.tokens[index]
        switch element {
        case .stem(let stem): return PassageTokens.isWord(token) && token.stem == stem
        case .norm(let norm): return PassageTokens.isWord(token) && token.norm == norm
        case .prefix(let prefix): return PassageTokens.isWord(token) && token.norm.hasPrefix(prefix)
        case .exact(let surface): return passage.surface(index) == surface
        case .optional, .choice: return false
        }
    }
}
