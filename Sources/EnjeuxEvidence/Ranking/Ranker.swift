import EnjeuxModel
import EnjeuxSupport

/// Chooses and orders the passages shown for each issue.
///
/// For each issue, in the order of `ScoreSet.categories`:
/// 1. candidates are the passages whose score for the issue is above `scoreThreshold`, in
///    documents that are evidence (`DocumentEvidence`: their best passages reach
///    `documentEvidenceLevel`, or enough of their passages are above the threshold);
/// 2. they are sorted by score (descending), then source path, then passage index, then id;
/// 3. a candidate whose normalised text equals, or whose shingle similarity reaches
///    `nearDuplicateSimilarity` with, a passage already kept is not shown again but listed in
///    that passage's `alsoIn`;
/// 4. the first `cappedRanks` ranks hold at most `perDocumentCap` passages of one document;
///    the excess moves just below them, in order (it is moved, not dropped);
/// 5. the list is cut to `maximumPassages`.
///
/// An issue with a `RankingAdjustment` (the group's judgments) orders its candidates in step 2
/// by the adjustment's keys instead of their score, and leaves out those it excludes.
package struct Ranker: Sendable {
    package var options: EvidenceOptions
    /// Issue id → how judgments change its list; empty without judgments.
    package var adjustments: [String: RankingAdjustment] = [:]
    /// Called before the issues are ranked: the executable passes a function that gives freed
    /// memory back to the system (the ranker itself sets no process policy).
    package var releaseMemory: @Sendable () -> Void

    package init(options: EvidenceOptions = EvidenceOptions(), releaseMemory: @escaping @Sendable () -> Void = {}) {
        self.options = options
        self.releaseMemory = releaseMemory
    }

    /// Ranks every issue of the score set; `evidence` is the documents' evidence when the
    /// caller has it already (computed from the score set otherwise).
    package func rank(_ scoreSet: ScoreSet, evidence: DocumentEvidence? = nil) -> [RankedIssue] {
        let documents = Dictionary(
            scoreSet.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The issues are ranked independently, on every core. Each computes the fingerprints
        // of its candidates as it groups them and keeps only its groups' leads': a passage of
        // several issues is fingerprinted once for each, so that memory holds no fingerprint per
        // passage (a 20,000-page document has 128,000 passages above the threshold).
        let passages = scoreSet.passages
        let ranker = self
        releaseMemory()
        let evidence = evidence ?? documentEvidence(scoreSet)
        return scoreSet.categories.parallelMap { category in
            ranker.rank(category: category, passages: passages, documents: documents, evidence: evidence)
        }
    }

    /// The strength of each document, with the level of these options.
    package func documentEvidence(_ scoreSet: ScoreSet) -> DocumentEvidence {
        DocumentEvidence(
            scoreSet: scoreSet, level: options.documentEvidenceLevel, passagesCounted: options.documentEvidencePassages,
            share: options.documentEvidenceShare, threshold: options.scoreThreshold)
    }

    /// Ranks one issue; `documents` maps document ids to their summaries. Without `evidence`,
    /// every document's passages may be listed. Passages whose text is in a spool
    /// (`PassageSpool`) are read from it: every candidate's text to find duplicates, the
    /// shown passages whole.
    package func rank(
        category: CategoryInfo, passages: [ScoredPassage], documents: [String: DocumentSummary],
        evidence: DocumentEvidence? = nil
    ) -> RankedIssue {
        var list = candidates(for: category.id, in: passages, documents: documents, evidence: evidence)
        // Counted before a judgment leaves any out: the passages above the threshold.
        let candidateCount = list.items.count
        let adjustment = adjustments[category.id]
        if let adjustment { list.items = Self.adjusted(list.items, in: passages, by: adjustment) }
        let perDocument = Dictionary(list.items.map { (passages[$0.position].documentId, 1) }, uniquingKeysWith: +)
        var groups = DuplicateGroups(options: options, candidatesPerDocument: perDocument)
        for candidate in list.items {
            let passage = passages[candidate.position]
            groups.add(candidate, documentId: passage.documentId, fingerprint: fingerprint(of: passage))
        }
        let ordered = Self.applyCap(
            groups.representatives, cap: options.perDocumentCap, cappedRanks: options.cappedRanks
        ).prefix(options.maximumPassages)
        let ranked = ordered.enumerated().map { offset, group in
            let lead = passages[group.lead.position].restored
            let matches = lead.scores.first { $0.category == category.id }?.matches ?? []
            return RankedPassage(
                rank: offset + 1, score: group.lead.score, matches: Self.ordered(matches),
                source: list.source(of: lead), passage: lead,
                alsoIn: group.duplicates.map {
                    let passage = passages[$0.position]
                    return DuplicateSource(
                        source: list.source(of: passage), documentId: passage.documentId,
                        location: PageLocation(passage: passage, format: documents[passage.documentId]?.format),
                        passageId: passage.passageId)
                },
                learned: adjustment?.rows[lead.passageId])
        }
        return RankedIssue(
            category: category, candidateCount: candidateCount, passages: ranked, learning: adjustment?.summary)
    }

    /// The candidates of one issue, in the lexicon's order (before duplicates are grouped):
    /// what judgments attach to and what a learned model reorders.
    package func candidates(
        for categoryId: String, in scoreSet: ScoreSet, evidence: DocumentEvidence? = nil
    ) -> [(passage: ScoredPassage, source: String)] {
        let documents = Dictionary(scoreSet.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let list = candidates(
            for: categoryId, in: scoreSet.passages, documents: documents,
            evidence: evidence ?? documentEvidence(scoreSet))
        return list.items.map {
            let passage = scoreSet.passages[$0.position]
            return (passage, list.source(of: passage))
        }
    }

    /// The candidates without those excluded, ordered by the adjustment's keys (a candidate
    /// without a key keeps its score); ties keep the lexicon's order.
    static func adjusted(
        _ candidates: [Candidate], in passages: [ScoredPassage], by adjustment: RankingAdjustment
    ) -> [Candidate] {
        let kept = candidates.filter { !adjustment.excluded.contains(passages[$0.position].passageId) }
        let keys = kept.map { adjustment.keys[passages[$0.position].passageId] ?? $0.score }
        let order = kept.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }
        return order.map { kept[$0] }
    }

    /// The issue's candidates in ranking order.
    func candidates(
        for categoryId: String, in passages: [ScoredPassage], documents: [String: DocumentSummary],
        evidence: DocumentEvidence?
    ) -> CandidateList {
        // Two passes: the documents first (their order), then the candidates, so that only the
        // small candidates are held.
        var documentIds: Set<String> = []
        for passage in passages where candidateScore(of: passage, for: categoryId, evidence: evidence) != nil {
            documentIds.insert(passage.documentId)
        }
        let sources = CandidateList.SourceOrder(documentIds: documentIds, documents: documents)
        var items: [Candidate] = []
        for (position, passage) in passages.enumerated() {
            guard let score = candidateScore(of: passage, for: categoryId, evidence: evidence) else { continue }
            items.append(
                Candidate(position: position, score: score.score, sourceRank: sources.rank(of: passage.documentId)))
        }
        items.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.sourceRank != b.sourceRank { return a.sourceRank < b.sourceRank }
            let first = passages[a.position]
            let second = passages[b.position]
            if first.index != second.index { return first.index < second.index }
            return first.passageId.unicodeScalars.lexicographicallyPrecedes(second.passageId.unicodeScalars)
        }
        return CandidateList(items: items, sources: sources)
    }

    /// Matches in text order (then term and text), as shown; sorted only for the passages
    /// shown, not for every candidate.
    static func ordered(_ matches: [TermMatch]) -> [TermMatch] {
        matches.sorted { ($0.start, $0.end, $0.term, $0.text) < ($1.start, $1.end, $1.term, $1.text) }
    }

    func isCandidate(_ score: CategoryScore) -> Bool {
        score.score.isFinite && score.score > options.scoreThreshold
    }

    /// The passage's score for the issue when it is a candidate (above the threshold, in a
    /// document that is evidence), nil otherwise.
    func candidateScore(of passage: ScoredPassage, for categoryId: String, evidence: DocumentEvidence?)
        -> CategoryScore?
    {
        guard let score = passage.scores.first(where: { $0.category == categoryId }), isCandidate(score),
            evidence?.isEvidence(passage.documentId) ?? true
        else { return nil }
        return score
    }

    /// The fingerprint of the passage's text (read from its spool when it is there).
    func fingerprint(of passage: ScoredPassage) -> TextFingerprint {
        TextFingerprint(text: passage.fullText, shingleSize: options.shingleSize)
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
            let document = group.leadDocumentId
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

/// A passage that scored above the threshold for the issue being ranked: its position in
/// the score set's passages, kept small because an issue may have hundreds of thousands.
struct Candidate: Sendable {
    /// 16 bytes: a 32-bit position (a score set in memory never holds 2³¹ passages).
    private let storedPosition: UInt32
    /// The rank of its document's source path among the documents' (`CandidateList.SourceOrder`).
    let sourceRank: Int32
    let score: Double

    init(position: Int, score: Double, sourceRank: Int32) {
        storedPosition = UInt32(truncatingIfNeeded: position)
        self.score = score
        self.sourceRank = sourceRank
    }

    /// Its index in the score set's passages.
    var position: Int { Int(storedPosition) }
}

/// An issue's candidates, in ranking order: score descending, then source path, passage
/// index and passage id ascending.
struct CandidateList: Sendable {
    var items: [Candidate]
    let sources: SourceOrder

    /// The source path of a passage's document (its id when the document is unknown).
    func source(of passage: ScoredPassage) -> String { sources.paths[passage.documentId] ?? passage.documentId }

    /// The documents' source paths and their order (by Unicode scalars); equal paths share a
    /// rank, and a passage of an unknown document is ordered by its document id.
    struct SourceOrder: Sendable {
        let paths: [String: String]
        private let ranks: [String: Int32]

        init(documentIds: Set<String>, documents: [String: DocumentSummary]) {
            var paths: [String: String] = [:]
            for id in documentIds { paths[id] = documents[id]?.source ?? id }
            let sorted = Set(paths.values).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            let rankOfPath = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
            self.paths = paths
            ranks = paths.mapValues { rankOfPath[$0] ?? 0 }
        }

        func rank(of documentId: String) -> Int32 { ranks[documentId] ?? 0 }
    }
}

/// A passage shown once and the near-duplicates listed under it.
struct DuplicateGroup: Sendable {
    let lead: Candidate
    /// The lead's document, for the per-document cap.
    let leadDocumentId: String
    var duplicates: [Candidate] = []
}

/// Groups candidates, taken in ranking order, with the first passage they duplicate.
///
/// Near-duplicates are found through an index from shingle to the groups holding it, so each
/// candidate is compared only with the groups it shares a shingle with.
struct DuplicateGroups {
    let options: EvidenceOptions
    private(set) var representatives: [DuplicateGroup] = []
    /// The number of shingles of each group's lead (its fingerprint is not kept).
    private var leadShingleCounts: [Int] = []
    private var byKey: [TextFingerprint.Key: Int] = [:]
    private var groupsByShingle: [UInt64: [Int]] = [:]
    /// Progress of filling the capped ranks, followed as groups are added in order.
    private var cappedRanksFilled = 0
    private var cappedRanksPerDocument: [String: Int] = [:]
    /// True once more groups could not change the shown list: later candidates only join
    /// existing groups.
    private var isComplete = false

    /// The most the capped ranks can hold given how many candidates each document has.
    private let cappedRanksReachable: Int

    init(options: EvidenceOptions, candidatesPerDocument: [String: Int]) {
        self.options = options
        let window = min(options.cappedRanks, options.maximumPassages)
        cappedRanksReachable = min(
            window, candidatesPerDocument.values.reduce(0) { $0 + min($1, options.perDocumentCap) })
        isComplete = options.maximumPassages == 0
    }

    /// Adds a candidate, in ranking order, with its document and its text's fingerprint.
    mutating func add(_ candidate: Candidate, documentId: String, fingerprint: TextFingerprint) {
        if let index = byKey[fingerprint.key] ?? nearDuplicate(of: fingerprint) {
            representatives[index].duplicates.append(candidate)
            return
        }
        guard !isComplete else { return }
        let index = representatives.count
        byKey[fingerprint.key] = index
        for shingle in fingerprint.shingles { groupsByShingle[shingle, default: []].append(index) }
        representatives.append(DuplicateGroup(lead: candidate, leadDocumentId: documentId))
        leadShingleCounts.append(fingerprint.shingles.count)
        trackCappedRanks(documentId)
    }

    /// The first group (in ranking order) whose similarity with `fingerprint` reaches the threshold.
    private func nearDuplicate(of fingerprint: TextFingerprint) -> Int? {
        let threshold = options.nearDuplicateSimilarity
        guard threshold <= 1, !fingerprint.shingles.isEmpty else { return nil }
        var shared: [Int: Int] = [:]
        for shingle in fingerprint.shingles {
            for index in groupsByShingle[shingle] ?? [] { shared[index, default: 0] += 1 }
        }
        var best: Int?
        for (index, count) in shared where best.map({ index < $0 }) ?? true {
            let size = leadShingleCounts[index]
            if TextFingerprint.jaccard(shared: count, first: size, second: fingerprint.shingles.count) >= threshold {
                best = index
            }
        }
        return best
    }

    /// Follows how `Ranker.applyCap` will fill the capped ranks. The list is settled when at
    /// least `maximumPassages` groups exist and the capped ranks cannot change any more: they
    /// are full, or every document with candidates left has reached the cap.
    private mutating func trackCappedRanks(_ document: String) {
        let window = min(options.cappedRanks, options.maximumPassages)
        if cappedRanksFilled < window && cappedRanksPerDocument[document, default: 0] < options.perDocumentCap {
            cappedRanksPerDocument[document, default: 0] += 1
            cappedRanksFilled += 1
        }
        isComplete = cappedRanksFilled >= cappedRanksReachable && representatives.count >= options.maximumPassages
    }
}
