import EnjeuxCore

/// Chooses and orders the passages shown for each issue.
///
/// For each issue, in the order of `ScoreSet.categories`:
/// 1. candidates are the passages whose score for the issue is above `scoreThreshold`;
/// 2. they are sorted by score (descending), then source path, then passage index, then id;
/// 3. a candidate whose normalised text equals, or whose shingle similarity reaches
///    `nearDuplicateSimilarity` with, a passage already kept is not shown again but listed in
///    that passage's `alsoIn`;
/// 4. the first `cappedRanks` ranks hold at most `perDocumentCap` passages of one document;
///    the excess moves just below them, in order (it is moved, not dropped);
/// 5. the list is cut to `maximumPassages`.
public struct Ranker: Sendable {
    public var options: EvidenceOptions

    public init(options: EvidenceOptions = EvidenceOptions()) {
        self.options = options
    }

    /// Ranks every issue of the score set.
    public func rank(_ scoreSet: ScoreSet) -> [RankedIssue] {
        let documents = Dictionary(
            scoreSet.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return scoreSet.categories.map { category in
            rank(category: category, passages: scoreSet.passages, documents: documents)
        }
    }

    /// Ranks one issue; `documents` maps document ids to their summaries.
    public func rank(category: CategoryInfo, passages: [ScoredPassage], documents: [String: DocumentSummary])
        -> RankedIssue
    {
        let candidates = candidates(for: category.id, in: passages, documents: documents)
        var groups = DuplicateGroups(options: options)
        for candidate in candidates { groups.add(candidate) }
        let ordered = Self.applyCap(
            groups.representatives, cap: options.perDocumentCap, cappedRanks: options.cappedRanks
        ).prefix(options.maximumPassages)
        let ranked = ordered.enumerated().map { offset, group in
            RankedPassage(
                rank: offset + 1, score: group.lead.score, matches: group.lead.matches,
                source: group.lead.source, passage: group.lead.passage,
                alsoIn: group.duplicates.map {
                    DuplicateSource(
                        source: $0.source, documentId: $0.passage.documentId, page: $0.passage.page,
                        isPaged: $0.isPaged, passageId: $0.passage.passageId)
                })
        }
        return RankedIssue(category: category, candidateCount: candidates.count, passages: ranked)
    }

    func candidates(for categoryId: String, in passages: [ScoredPassage], documents: [String: DocumentSummary])
        -> [Candidate]
    {
        var list: [Candidate] = []
        for passage in passages {
            guard let score = passage.scores.first(where: { $0.category == categoryId }),
                score.score.isFinite, score.score > options.scoreThreshold
            else { continue }
            let matches = score.matches.sorted {
                ($0.start, $0.end, $0.term, $0.text) < ($1.start, $1.end, $1.term, $1.text)
            }
            let document = documents[passage.documentId]
            list.append(
                Candidate(
                    passage: passage, score: score.score, matches: matches,
                    source: document?.source ?? passage.documentId, isPaged: document?.format != .html))
        }
        return list.sorted(by: Candidate.ranksBefore)
    }

    /// Keeps at most `cap` passages of one document among the first `cappedRanks`; the others
    /// follow in their original order.
    static func applyCap(_ groups: [DuplicateGroup], cap: Int, cappedRanks: Int) -> [DuplicateGroup] {
        var head: [DuplicateGroup] = []
        var deferred: [DuplicateGroup] = []
        var perDocument: [String: Int] = [:]
        var next = 0
        while next < groups.count && head.count < cappedRanks {
            let group = groups[next]
            let document = group.lead.passage.documentId
            if perDocument[document, default: 0] < cap {
                perDocument[document, default: 0] += 1
                head.append(group)
            } else {
                deferred.append(group)
            }
            next += 1
        }
        return head + deferred + groups[next...]
    }
}

/// A passage that scored above the threshold for the issue being ranked.
struct Candidate: Sendable {
    let passage: ScoredPassage
    let score: Double
    let matches: [TermMatch]
    let source: String
    let isPaged: Bool

    /// Score descending, then source path, passage index and passage id ascending.
    static func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.source != b.source { return a.source.unicodeScalars.lexicographicallyPrecedes(b.source.unicodeScalars) }
        if a.passage.index != b.passage.index { return a.passage.index < b.passage.index }
        return a.passage.passageId.unicodeScalars.lexicographicallyPrecedes(b.passage.passageId.unicodeScalars)
    }
}

/// A passage shown once and the near-duplicates listed under it.
struct DuplicateGroup: Sendable {
    let lead: Candidate
    let fingerprint: TextFingerprint
    var duplicates: [Candidate] = []
}

/// Groups candidates, taken in ranking order, with the first passage they duplicate.
struct DuplicateGroups {
    let options: EvidenceOptions
    private(set) var representatives: [DuplicateGroup] = []
    private var byKey: [String: Int] = [:]
    private var isComplete = false

    init(options: EvidenceOptions) {
        self.options = options
    }

    mutating func add(_ candidate: Candidate) {
        let fingerprint = TextFingerprint(text: candidate.passage.text, shingleSize: options.shingleSize)
        if let index = byKey[fingerprint.key] ?? nearDuplicate(of: fingerprint) {
            representatives[index].duplicates.append(candidate)
            return
        }
        guard !isComplete else { return }
        byKey[fingerprint.key] = representatives.count
        representatives.append(DuplicateGroup(lead: candidate, fingerprint: fingerprint))
        isComplete = shownListIsSettled
    }

    private func nearDuplicate(of fingerprint: TextFingerprint) -> Int? {
        let threshold = options.nearDuplicateSimilarity
        guard threshold <= 1 else { return nil }
        return representatives.firstIndex {
            $0.fingerprint.canReach(threshold, with: fingerprint)
                && $0.fingerprint.similarity(to: fingerprint) >= threshold
        }
    }

    /// True when more representatives could not change the shown list: the capped ranks are
    /// filled and at least `maximumPassages` passages are kept. Later candidates only join
    /// existing groups.
    private var shownListIsSettled: Bool {
        guard representatives.count >= options.maximumPassages else { return false }
        let window = min(options.cappedRanks, options.maximumPassages)
        var perDocument: [String: Int] = [:]
        var filled = 0
        for group in representatives where filled < window {
            let document = group.lead.passage.documentId
            if perDocument[document, default: 0] < options.perDocumentCap {
                perDocument[document, default: 0] += 1
                filled += 1
            }
        }
        return filled >= window
    }
}
