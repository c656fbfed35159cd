import EnjeuxEvidence
import EnjeuxModel

/// What a lexicon edit changes in the evidence: per issue, the passages that enter or leave
/// the first `top` ranks, those that move within them, those whose score changed in place,
/// each with the terms whose contribution changed.
package struct LexiconDiff: Sendable, Hashable {
    package var top: Int
    package var issues: [IssueDiff]

    /// Issues that appear in only one of the two lexicons.
    package var addedIssues: [CategoryInfo]
    package var removedIssues: [CategoryInfo]

    package var isEmpty: Bool {
        addedIssues.isEmpty && removedIssues.isEmpty && issues.allSatisfy(\.isEmpty)
    }
}

/// A score set and its ranking, as `LexiconDiff` compares them.
package struct RankedScores: Sendable {
    package var scores: ScoreSet
    package var issues: [RankedIssue]

    /// Ranks `scores` with `options`, deeper than `top` so that a passage entering or leaving
    /// the first ranks says where it came from.
    /// With `categories`, only those issues are ranked.
    package init(
        _ scores: ScoreSet, top: Int, options: EvidenceOptions = EvidenceOptions(), categories: Set<String>? = nil
    ) {
        var options = options
        options.maximumPassages = max(options.maximumPassages, top * 5)
        self.scores = scores
        let ranker = Ranker(options: options)
        if let categories {
            let documents = Dictionary(
                scores.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let evidence = ranker.documentEvidence(scores)
            self.issues = scores.categories.filter { categories.contains($0.id) }.map {
                ranker.rank(category: $0, passages: scores.passages, documents: documents, evidence: evidence)
            }
        } else {
            self.issues = ranker.rank(scores)
        }
    }
}

/// The changes of one issue.
package struct IssueDiff: Sendable, Hashable {
    package var category: CategoryInfo
    package var entered: [PassageChange]
    package var left: [PassageChange]
    package var moved: [PassageChange]
    package var rescored: [PassageChange]

    package var isEmpty: Bool { entered.isEmpty && left.isEmpty && moved.isEmpty && rescored.isEmpty }
}

/// One passage whose place or score changed.
package struct PassageChange: Sendable, Hashable {
    package var documentId: String
    package var passageId: String
    package var source: String
    package var page: Int
    package var text: String
    /// Rank before and after (nil: not ranked, e.g. below the threshold).
    package var oldRank: Int?
    package var newRank: Int?
    package var oldScore: Double
    package var newScore: Double
    /// Terms whose contribution to this passage's score changed, largest change first.
    package var terms: [TermChange]
}

/// A term's contribution to one passage's score, before and after.
package struct TermChange: Sendable, Hashable {
    package var term: String
    package var old: Double
    package var new: Double

    package init(term: String, old: Double, new: Double) {
        self.term = term
        self.old = old
        self.new = new
    }
}

extension LexiconDiff {
    /// Compares the evidence of two score sets of the same corpus (`old` and `new`, each
    /// computed with its lexicon), ranked with `options`, over the first `top` ranks.
    package static func compare(
        old: ScoreSet, new: ScoreSet, top: Int, options: EvidenceOptions = EvidenceOptions()
    ) -> LexiconDiff {
        // An issue whose scores are all the same on both sides ranks the same: only the
        // others are ranked and compared.
        let changed = changedCategories(old, new)
        return compare(
            old: RankedScores(old, top: top, options: options, categories: changed),
            new: RankedScores(new, top: top, options: options, categories: changed), top: top)
    }

    /// Ids of the issues whose score differs for at least one passage.
    static func changedCategories(_ old: ScoreSet, _ new: ScoreSet) -> Set<String> {
        func scores(_ set: ScoreSet) -> [String: [Key: Double]] {
            var byCategory: [String: [Key: Double]] = [:]
            for passage in set.passages {
                let key = Key(document: passage.documentId, passage: passage.passageId)
                for score in passage.scores { byCategory[score.category, default: [:]][key] = score.score }
            }
            return byCategory
        }
        let before = scores(old)
        let after = scores(new)
        let ids = Set(old.categories.map(\.id)).union(new.categories.map(\.id))
        return ids.filter { before[$0] != after[$0] }
    }

    /// The same from score sets already ranked (each side can be prepared on its own thread).
    package static func compare(old oldSide: RankedScores, new newSide: RankedScores, top: Int) -> LexiconDiff {
        let (old, new) = (oldSide.scores, newSide.scores)
        let oldIssues = Dictionary(oldSide.issues.map { ($0.category.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIssues = newSide.issues
        let oldScores = ScoreIndex(old)
        let newScores = ScoreIndex(new)
        let newIds = Set(new.categories.map(\.id))
        let oldIds = Set(old.categories.map(\.id))
        var issues: [IssueDiff] = []
        for newIssue in newIssues {
            guard let oldIssue = oldIssues[newIssue.category.id] else { continue }
            issues.append(
                compare(
                    oldIssue, newIssue, top: top, oldScores: oldScores, newScores: newScores))
        }
        return LexiconDiff(
            top: top, issues: issues, addedIssues: new.categories.filter { !oldIds.contains($0.id) },
            removedIssues: old.categories.filter { !newIds.contains($0.id) })
    }

    struct Key: Hashable {
        var document: String
        var passage: String
    }

    /// Scores and matches of a score set, by passage and issue.
    private struct ScoreIndex {
        var scores: [Key: [String: CategoryScore]] = [:]
        var passages: [Key: ScoredPassage] = [:]

        init(_ set: ScoreSet) {
            for passage in set.passages {
                let key = Key(document: passage.documentId, passage: passage.passageId)
                passages[key] = passage
                scores[key] = Dictionary(passage.scores.map { ($0.category, $0) }, uniquingKeysWith: { a, _ in a })
            }
        }

        func score(_ key: Key, _ category: String) -> CategoryScore? { scores[key]?[category] }
    }

    private static func compare(
        _ old: RankedIssue, _ new: RankedIssue, top: Int, oldScores: ScoreIndex, newScores: ScoreIndex
    ) -> IssueDiff {
        func ranks(_ issue: RankedIssue) -> [Key: RankedPassage] {
            Dictionary(
                issue.passages.map { (Key(document: $0.passage.documentId, passage: $0.passage.passageId), $0) },
                uniquingKeysWith: { a, _ in a })
        }
        let oldRanks = ranks(old)
        let newRanks = ranks(new)
        let category = new.category.id
        func change(_ key: Key, _ shown: RankedPassage) -> PassageChange {
            let before = oldScores.score(key, category)
            let after = newScores.score(key, category)
            return PassageChange(
                documentId: key.document, passageId: key.passage, source: shown.source, page: shown.passage.page,
                text: shown.passage.text, oldRank: oldRanks[key]?.rank, newRank: newRanks[key]?.rank,
                oldScore: before?.score ?? 0, newScore: after?.score ?? 0,
                terms: termChanges(before?.matches ?? [], after?.matches ?? []))
        }
        var diff = IssueDiff(category: new.category, entered: [], left: [], moved: [], rescored: [])
        for shown in new.passages where shown.rank <= top {
            let key = Key(document: shown.passage.documentId, passage: shown.passage.passageId)
            let item = change(key, shown)
            if let oldRank = item.oldRank, oldRank <= top {
                if oldRank != shown.rank {
                    diff.moved.append(item)
                } else if item.oldScore != item.newScore {
                    diff.rescored.append(item)
                }
            } else {
                diff.entered.append(item)
            }
        }
        for shown in old.passages where shown.rank <= top {
            let key = Key(document: shown.passage.documentId, passage: shown.passage.passageId)
            if let newRank = newRanks[key]?.rank, newRank <= top { continue }
            diff.left.append(change(key, shown))
        }
        return diff
    }

    /// Per term, the summed contributions before and after, where they differ.
    static func termChanges(_ old: [TermMatch], _ new: [TermMatch]) -> [TermChange] {
        var before: [String: Double] = [:]
        var after: [String: Double] = [:]
        for match in old { before[match.term, default: 0] += match.contribution }
        for match in new { after[match.term, default: 0] += match.contribution }
        let terms = Set(before.keys).union(after.keys)
        return terms.compactMap { term -> TermChange? in
            let change = TermChange(term: term, old: before[term] ?? 0, new: after[term] ?? 0)
            return abs(change.new - change.old) < 0.00005 ? nil : change
        }.sorted {
            let a = abs($0.new - $0.old)
            let b = abs($1.new - $1.old)
            return a != b ? a > b : $0.term.unicodeScalars.lexicographicallyPrecedes($1.term.unicodeScalars)
        }
    }
}
