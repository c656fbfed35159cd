import EnjeuxCore

/// Where one compiled pattern matched in a passage.
struct PatternMatch: Sendable, Hashable {
    /// Index of the pattern in `CompiledLexicon.entries`.
    var pattern: Int
    /// The first token range (the only one of a phrase).
    private var head: Range<Int>
    /// The second range of a NEAR pair, after `head`.
    private var tail: Range<Int>?

    /// A phrase match.
    init(pattern: Int, range: Range<Int>) {
        self.pattern = pattern
        self.head = range
        self.tail = nil
    }

    /// A NEAR match: the two sides, in either order.
    init(pattern: Int, pair first: Range<Int>, _ second: Range<Int>) {
        self.pattern = pattern
        (self.head, self.tail) = second.lowerBound < first.lowerBound ? (second, first) : (first, second)
    }

    /// Token ranges the match covers: one for a phrase, two for a NEAR pair.
    var ranges: [Range<Int>] { tail.map { [head, $0] } ?? [head] }

    var first: Int { min(head.lowerBound, tail?.lowerBound ?? head.lowerBound) }
    var end: Int { max(head.upperBound, tail?.upperBound ?? head.upperBound) }
    var tokenCount: Int { head.count + (tail?.count ?? 0) }

    /// True when this match covers every token of `other` and more: a longer, more specific
    /// match (a term that contains an exclusion survives it).
    func strictlyContains(_ other: PatternMatch) -> Bool {
        let covered = Set(ranges.flatMap { $0 })
        let otherTokens = Set(other.ranges.flatMap { $0 })
        return otherTokens.isSubset(of: covered) && covered.count > otherTokens.count
    }

    func overlaps(_ other: PatternMatch) -> Bool {
        if head.overlaps(other.head) { return true }
        if let otherTail = other.tail, head.overlaps(otherTail) { return true }
        guard let tail else { return false }
        if tail.overlaps(other.head) { return true }
        if let otherTail = other.tail, tail.overlaps(otherTail) { return true }
        return false
    }
}

/// Finds every occurrence of every pattern of a compiled lexicon in one pass over the tokens.
struct PatternMatcher {
    let lexicon: CompiledLexicon
    let passage: PassageTokens

    /// All matches, terms and exclusions alike, by start token then pattern id.
    func allMatches() -> [PatternMatch] {
        var matches: [PatternMatch] = []
        var candidates: [Int] = []
        for index in 0..<passage.count {
            collectCandidates(at: index, into: &candidates)
            for id in candidates {
                if let match = match(pattern: id, at: index) { matches.append(match) }
            }
        }
        return matches
    }

    /// Replaces `ids` by the patterns whose first element can match token `index`, in id
    /// order, each once.
    private func collectCandidates(at index: Int, into ids: inout [Int]) {
        ids.removeAll(keepingCapacity: true)
        // Words, stems and globs only match word tokens; any other token can only start a
        // pattern through an exact form.
        if passage.isWord[index] {
            let stem = passage.stemID[index]
            if stem != TokenVocabulary.unknown {
                let id = Int(stem)
                let (start, end) = (lexicon.stemAnchorStart[id], lexicon.stemAnchorStart[id + 1])
                if start < end { ids.append(contentsOf: lexicon.stemAnchorIDs[start..<end]) }
            }
            let norm = passage.normID[index]
            if norm != TokenVocabulary.unknown {
                let id = Int(norm)
                let (start, end) = (lexicon.normAnchorStart[id], lexicon.normAnchorStart[id + 1])
                if start < end { ids.append(contentsOf: lexicon.normAnchorIDs[start..<end]) }
            }
            let node = passage.prefixNode[index]
            if node >= 0 { ids.append(contentsOf: lexicon.prefixes.patterns(upTo: node)) }
        }
        if lexicon.hasExactForms {
            let surface = passage.surface(index)
            if !surface.isEmpty, let found = lexicon.byExact[surface] { ids += found }
        }
        if ids.count > 1 && !Self.isStrictlyIncreasing(ids) {
            ids.sort()
            var kept = 1
            for position in 1..<ids.count where ids[position] != ids[kept - 1] {
                ids[kept] = ids[position]
                kept += 1
            }
            ids.removeSubrange(kept...)
        }
    }

    private static func isStrictlyIncreasing(_ ids: [Int]) -> Bool {
        for position in 1..<ids.count where ids[position] <= ids[position - 1] { return false }
        return true
    }

    private func match(pattern id: Int, at index: Int) -> PatternMatch? {
        switch lexicon.patterns[id] {
        case .sequence(let sequence):
            guard let end = matchSequence(sequence, at: index) else { return nil }
            return PatternMatch(pattern: id, range: index..<end)
        case .near(let left, let right, let distance):
            guard let leftEnd = matchSequence(left, at: index) else { return nil }
            guard let rightRange = nearest(right, around: index..<leftEnd, distance: distance) else { return nil }
            return PatternMatch(pattern: id, pair: index..<leftEnd, rightRange)
        }
    }

    /// The closest match of `sequence` in the same sentence as `anchor`, with at most
    /// `distance` words between the two; after the anchor wins a tie.
    private func nearest(_ sequence: MatchSequence, around anchor: Range<Int>, distance: Int) -> Range<Int>? {
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
    func matchSequence(_ sequence: MatchSequence, at start: Int) -> Int? {
        matchElements(sequence.elements[...], from: start, flexible: sequence.flexible, isFirst: true)
    }

    private func matchElements(
        _ elements: ArraySlice<MatchElement>, from position: Int, flexible: Bool, isFirst: Bool
    ) -> Int? {
        guard let element = elements.first else { return position }
        let rest = elements.dropFirst()
        // Where the element may start: here, or (in a flexible phrase) after up to
        // `FunctionWords.maximumGap` skippable tokens.
        let maySkip = flexible && !isFirst
        var start = position
        while true {
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
            guard maySkip, start - position < FunctionWords.maximumGap, start < passage.count,
                passage.skippable[start]
            else { break }
            start += 1
        }
        if case .optional = element {
            return matchElements(rest, from: position, flexible: flexible, isFirst: isFirst)
        }
        return nil
    }

    private func matches(_ element: MatchElement, token index: Int) -> Bool {
        switch element {
        case .stem(let stem): return passage.isWord[index] && passage.stemID[index] == stem
        case .norm(let norm): return passage.isWord[index] && passage.normID[index] == norm
        case .prefix(let prefix): return passage.isWord[index] && passage.norm(index).hasPrefix(prefix)
        case .exact(let surface): return passage.surface(index) == surface
        case .optional, .choice: return false
        }
    }
}

extension PatternMatch {
    /// Appends the match (pattern and token ranges) to `writer`.
    func pack(into writer: inout PackedWriter) {
        writer.int(pattern)
        writer.int(head.lowerBound)
        writer.int(head.upperBound)
        writer.optionalInt(tail?.lowerBound)
        if let tail { writer.int(tail.upperBound) }
    }

    /// Reads a match written by `pack(into:)`.
    static func unpack(from reader: inout PackedReader) throws(PackedReader.Malformed) -> PatternMatch {
        let pattern = try reader.int()
        let lower = try reader.int()
        let upper = try reader.int()
        guard lower <= upper else { throw PackedReader.Malformed(offset: reader.offset) }
        var match = PatternMatch(pattern: pattern, range: lower..<upper)
        if let tailLower = try reader.optionalInt() {
            let tailUpper = try reader.int()
            guard tailLower <= tailUpper else { throw PackedReader.Malformed(offset: reader.offset) }
            match.tail = tailLower..<tailUpper
        }
        return match
    }
}
