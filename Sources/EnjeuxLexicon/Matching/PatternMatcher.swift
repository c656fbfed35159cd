import EnjeuxSupport

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
    // The lexicon's indexes and the passage's tokens, held here so that the loops below
    // read them without reference counting.
    private let info: [PassageTokens.Info]
    private let stemAnchorStart: [Int]
    private let stemAnchorIDs: [Int]
    private let normAnchorStart: [Int]
    private let normAnchorIDs: [Int]
    private let simpleSequences: [SimpleSequence?]
    private let simpleElements: [SimpleElement]
    private let globs: PrefixTrie.PatternLists
    private let byExact: [String: [Int]]

    init(lexicon: CompiledLexicon, passage: PassageTokens) {
        self.lexicon = lexicon
        self.passage = passage
        self.info = passage.info
        self.stemAnchorStart = lexicon.stemAnchorStart
        self.stemAnchorIDs = lexicon.stemAnchorIDs
        self.normAnchorStart = lexicon.normAnchorStart
        self.normAnchorIDs = lexicon.normAnchorIDs
        self.simpleSequences = lexicon.simpleSequences
        self.simpleElements = lexicon.simpleElements
        self.globs = lexicon.prefixes.patternLists
        self.byExact = lexicon.byExact
    }

    /// All matches, terms and exclusions alike, by start token then pattern id.
    func allMatches() -> [PatternMatch] {
        var matches: [PatternMatch] = []
        var candidates: [Int] = []
        for index in 0..<passage.count {
            let token = info[index]
            guard token.mayStart else { continue }
            let surface = token.surface >= 0 && !byExact.isEmpty ? passage.surface(index) : ""
            let exact = surface.isEmpty ? nil : byExact[surface]
            if token.isWord {
                // Most tokens reach patterns through one index only: its list is sorted and
                // distinct already. Through several, the lists are merged first.
                let stems = Self.run(Int(token.stem), stemAnchorStart)
                let norms = Self.run(Int(token.norm), normAnchorStart)
                let prefixes = token.prefixNode >= 0 ? globs.range(upTo: token.prefixNode) : 0..<0
                let sources =
                    (stems.isEmpty ? 0 : 1) + (norms.isEmpty ? 0 : 1) + (prefixes.isEmpty ? 0 : 1)
                    + (exact == nil ? 0 : 1)
                if sources == 0 { continue }
                if sources == 1 && exact == nil {
                    if !stems.isEmpty {
                        for position in stems { tryPattern(stemAnchorIDs[position], at: index, into: &matches) }
                    } else if !norms.isEmpty {
                        for position in norms { tryPattern(normAnchorIDs[position], at: index, into: &matches) }
                    } else {
                        for position in prefixes { tryPattern(globs.ids[position], at: index, into: &matches) }
                    }
                    continue
                }
                candidates.removeAll(keepingCapacity: true)
                for position in stems { candidates.append(stemAnchorIDs[position]) }
                for position in norms { candidates.append(normAnchorIDs[position]) }
                for position in prefixes { candidates.append(globs.ids[position]) }
                if let exact { candidates += exact }
            } else if let exact {
                candidates.removeAll(keepingCapacity: true)
                candidates += exact
            } else {
                continue
            }
            Self.sortAndRemoveDuplicates(&candidates)
            for id in candidates { tryPattern(id, at: index, into: &matches) }
        }
        return matches
    }

    /// Positions in an anchor index (`CompiledLexicon.stemAnchorIDs`) of the patterns anchored
    /// by vocabulary id `id`.
    @inline(__always)
    private static func run(_ id: Int, _ start: [Int]) -> Range<Int> {
        id >= 0 ? start[id]..<start[id + 1] : 0..<0
    }

    @inline(__always)
    private func tryPattern(_ id: Int, at index: Int, into matches: inout [PatternMatch]) {
        if let match = match(pattern: id, at: index) { matches.append(match) }
    }

    /// Sorts pattern ids and keeps each once.
    private static func sortAndRemoveDuplicates(_ ids: inout [Int]) {
        guard ids.count > 1 && !isStrictlyIncreasing(ids) else { return }
        ids.sort()
        var kept = 1
        for position in 1..<ids.count where ids[position] != ids[kept - 1] {
            ids[kept] = ids[position]
            kept += 1
        }
        ids.removeSubrange(kept...)
    }

    private static func isStrictlyIncreasing(_ ids: [Int]) -> Bool {
        for position in 1..<ids.count where ids[position] <= ids[position - 1] { return false }
        return true
    }

    /// The match of pattern `id` starting at token `index`, whose first element is known to
    /// match there (the pattern was found through that token's anchors).
    private func match(pattern id: Int, at index: Int) -> PatternMatch? {
        if let simple = simpleSequences[id] {
            // Words and stems only: the first element matched; the others are compared as ids.
            guard let end = matchSimple(simple, element: simple.elements.lowerBound + 1, from: index + 1) else {
                return nil
            }
            return PatternMatch(pattern: id, range: index..<end)
        }
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

    /// The end of a match of the elements of `simple` from `element` on (positions in
    /// `simpleElements`), starting at token `position` or, in a flexible phrase, after up
    /// to `TermSequence.maximumGap` skippable tokens: `matchElements` for sequences of
    /// words and stems, whose first element is already matched.
    private func matchSimple(_ simple: SimpleSequence, element: Int, from position: Int) -> Int? {
        guard element < simple.elements.upperBound else { return position }
        let wanted = simpleElements[element]
        var start = position
        while start < info.count {
            let token = info[start]
            if token.isWord && (wanted.isStem ? token.stem : token.norm) == wanted.id,
                let end = matchSimple(simple, element: element + 1, from: start + 1)
            {
                return end
            }
            guard simple.flexible, start - position < TermSequence.maximumGap, token.skippable else { break }
            start += 1
        }
        return nil
    }

    /// The closest match of `sequence` in the same sentence as `anchor`, with at most
    /// `distance` words between the two; after the anchor wins a tie.
    private func nearest(_ sequence: MatchSequence, around anchor: Range<Int>, distance: Int) -> Range<Int>? {
        let sentence = passage.info[anchor.lowerBound].sentence
        var best: (range: Range<Int>, gap: Int)? = nil
        var start = anchor.upperBound
        while start < passage.count, passage.info[start].sentence == sentence,
            passage.ordinal(start) - passage.ordinal(anchor.upperBound) <= distance
        {
            if let end = matchSequence(sequence, at: start) {
                best = (start..<end, passage.ordinal(start) - passage.ordinal(anchor.upperBound))
                break
            }
            start += 1
        }
        var before = anchor.lowerBound - 1
        while before >= 0, passage.info[before].sentence == sentence,
            passage.ordinal(anchor.lowerBound) - passage.ordinal(before) <= distance + 1
        {
            if let end = matchSequence(sequence, at: before), end <= anchor.lowerBound {
                let gap = passage.ordinal(anchor.lowerBound) - passage.ordinal(end)
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
        // `TermSequence.maximumGap` skippable tokens.
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
            guard maySkip, start - position < TermSequence.maximumGap, start < passage.count,
                passage.info[start].skippable
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
        case .stem(let stem): return passage.info[index].isWord && passage.info[index].stem == stem
        case .norm(let norm): return passage.info[index].isWord && passage.info[index].norm == norm
        case .prefix(let prefix): return passage.info[index].isWord && passage.norm(index).hasPrefix(prefix)
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
