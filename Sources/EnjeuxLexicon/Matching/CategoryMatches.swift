/// The term matches of one category that survive exclusions and overlaps.
struct CategoryMatches: Sendable {
    var category: Int
    /// Surviving term matches, in text order.
    var matches: [PatternMatch]
}

extension CompiledLexicon {
    /// Sorts a passage's raw matches by category, cancels those an exclusion covers, and
    /// keeps one match where several terms of a category cover the same tokens (the longest,
    /// then the heaviest, then the earliest term in the file).
    func resolve(_ raw: [PatternMatch], in passage: PassageTokens) -> [CategoryMatches] {
        // Flat lists with the category beside each match (a list per category would cost an
        // array of arrays per passage).
        var terms: [PatternMatch] = []
        var termCategories: [Int] = []
        var exclusions: [PatternMatch] = []
        var exclusionCategories: [Int] = []
        for match in raw {
            switch entries[match.pattern].role {
            case .term(let category, _, _):
                terms.append(match)
                termCategories.append(category)
            case .exclusion(let category, _):
                exclusions.append(match)
                exclusionCategories.append(category ?? -1)
            case .context: continue
            }
        }
        guard !terms.isEmpty else { return [] }
        var categories = termCategories
        categories.sort()
        var result: [CategoryMatches] = []
        var previous = -1
        for category in categories where category != previous {
            previous = category
            // The category's terms in the order they were found, less those its own or a
            // global exclusion cancels.
            var allowed: [PatternMatch] = []
            for (term, termCategory) in zip(terms, termCategories) where termCategory == category {
                let cancelled = zip(exclusions, exclusionCategories).contains { exclusion, excluded in
                    (excluded == category || excluded == -1) && cancels(exclusion, term, in: passage)
                }
                if !cancelled { allowed.append(term) }
            }
            let kept = removeOverlaps(allowed)
            if !kept.isEmpty { result.append(CategoryMatches(category: category, matches: kept)) }
        }
        return result
    }

    /// The number of context-term matches among a passage's raw matches.
    func contextMatchCount(_ raw: [PatternMatch]) -> Int {
        raw.reduce(0) { count, match in
            if case .context = entries[match.pattern].role { return count + 1 }
            return count
        }
    }

    private func cancels(_ exclusion: PatternMatch, _ term: PatternMatch, in passage: PassageTokens) -> Bool {
        guard case .exclusion(_, let scope) = entries[exclusion.pattern].role else { return false }
        switch scope {
        case .overlap:
            return exclusion.overlaps(term) && !term.strictlyContains(exclusion)
        case .sentence:
            let excluded = Set(exclusion.ranges.flatMap { $0.map { passage.info[$0].sentence } })
            return term.ranges.contains { $0.contains { excluded.contains(passage.info[$0].sentence) } }
        case .passage:
            return true
        }
    }

    private func removeOverlaps(_ matches: [PatternMatch]) -> [PatternMatch] {
        if matches.count <= 1 { return matches }
        let ordered = matches.sorted { a, b in
            if a.tokenCount != b.tokenCount { return a.tokenCount > b.tokenCount }
            let (wa, wb) = (weight(of: a), weight(of: b))
            if wa != wb { return wa > wb }
            if a.first != b.first { return a.first < b.first }
            return a.pattern < b.pattern
        }
        var kept: [PatternMatch] = []
        for match in ordered where !kept.contains(where: { $0.overlaps(match) }) {
            kept.append(match)
        }
        return kept.sorted { ($0.first, $0.end, $0.pattern) < ($1.first, $1.end, $1.pattern) }
    }

    func weight(of match: PatternMatch) -> Double { weight(ofPattern: match.pattern) }

    /// The weight of term pattern `id` (0 for exclusions and context terms).
    func weight(ofPattern id: Int) -> Double {
        if case .term(_, _, let weight) = entries[id].role { return weight }
        return 0
    }
}
