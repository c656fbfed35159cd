/// What the scoring formula needs to know about the whole corpus, gathered in a first pass:
/// how many passages there are, how long they are, and in how many of them each term matched.
package struct CorpusStatistics: Sendable, Hashable, Codable {
    /// Number of passages recorded.
    package private(set) var passageCount: Int
    /// Total number of word and number tokens over those passages.
    package private(set) var wordCount: Int
    /// For each compiled pattern (terms first, in lexicon order), the number of passages in
    /// which it matched at least once after exclusions.
    package private(set) var documentFrequency: [Int]
    /// For each document recorded with its id, how many of its passages were recorded and
    /// how many of them have a term of the lexicon's `context` section.
    package private(set) var contextByDocument: [String: DocumentContextCount]

    init(patternCount: Int) {
        self.passageCount = 0
        self.wordCount = 0
        self.documentFrequency = Array(repeating: 0, count: patternCount)
        self.contextByDocument = [:]
    }

    /// Mean passage length in words (at least 1).
    package var averagePassageLength: Double {
        passageCount == 0 ? 1 : max(1, Double(wordCount) / Double(passageCount))
    }

    /// The number of passages where pattern `id` matched (0 for an unknown id).
    func frequency(of id: Int) -> Int {
        id < documentFrequency.count ? documentFrequency[id] : 0
    }

    /// Counts one passage; `patterns` are the distinct patterns that matched in it.
    mutating func record(wordCount words: Int, patterns: some Sequence<Int>, document: String?, hasContext: Bool) {
        passageCount += 1
        wordCount += words
        for id in patterns where id < documentFrequency.count { documentFrequency[id] += 1 }
        if let document {
            contextByDocument[document, default: DocumentContextCount()].add(
                DocumentContextCount(passages: 1, withContext: hasContext ? 1 : 0))
        }
    }

    /// Counts `passages` passages of `words` words in all where no term of the lexicon matched,
    /// without their documents (for a lexicon without a `context` section, whose scores do
    /// not depend on them): what recording each of them would give, for callers that know from
    /// an index that they have no match.
    package mutating func recordUnmatched(passages: Int, words: Int) {
        passageCount += max(0, passages)
        wordCount += max(0, words)
    }

    /// Adds the counts of statistics gathered on another part of the corpus with the same lexicon.
    package mutating func merge(_ other: CorpusStatistics) {
        passageCount += other.passageCount
        wordCount += other.wordCount
        if documentFrequency.count < other.documentFrequency.count {
            documentFrequency += Array(repeating: 0, count: other.documentFrequency.count - documentFrequency.count)
        }
        for (id, count) in other.documentFrequency.enumerated() { documentFrequency[id] += count }
        for (document, count) in other.contextByDocument { contextByDocument[document, default: .init()].add(count) }
    }
}

/// Passages of one document, and how many of them have a context term.
package struct DocumentContextCount: Sendable, Hashable, Codable {
    package var passages: Int
    package var withContext: Int

    package init(passages: Int = 0, withContext: Int = 0) {
        self.passages = passages
        self.withContext = withContext
    }

    mutating func add(_ other: DocumentContextCount) {
        passages += other.passages
        withContext += other.withContext
    }
}
