import EnjeuxModel
import EnjeuxSupport
import Foundation

/// Scores passages against a lexicon: one score per issue, explained by the term matches
/// whose contributions add up to it. The formula is documented in docs/lexicon.md.
package struct Scorer: Sendable {
    package let lexicon: Lexicon
    package let parameters: ScoringParameters
    let compiled: CompiledLexicon

    package init(lexicon: Lexicon, parameters: ScoringParameters = ScoringParameters()) {
        self.lexicon = lexicon
        self.parameters = parameters
        self.compiled = CompiledLexicon(lexicon: lexicon)
    }

    // MARK: - One-call API

    /// Scores every passage of every document; returns passages with at least one score above zero.
    /// Each passage is matched once: the matches of the first pass are kept for the second.
    package func score(documents: [TokenizedDocument]) -> [ScoredPassage] {
        var statistics = emptyStatistics()
        let analyses = documents.map { document in
            document.passages.map { passage in
                let analysis = analyze(passage)
                record(analysis, document: document.id, into: &statistics)
                return analysis
            }
        }
        var scored: [ScoredPassage] = []
        for (document, documentAnalyses) in zip(documents, analyses) {
            for (passage, analysis) in zip(document.passages, documentAnalyses) {
                let scores = scores(analysis, passage: passage, document: document.id, statistics: statistics)
                if !scores.isEmpty {
                    scored.append(ScoredPassage(documentId: document.id, passage: passage, scores: scores))
                }
            }
        }
        return scored
    }

    // MARK: - Two-phase API

    /// Statistics with nothing recorded yet, sized for this lexicon.
    package func emptyStatistics() -> CorpusStatistics {
        CorpusStatistics(patternCount: compiled.entries.count)
    }

    /// First pass: adds one passage to the corpus statistics. With the id of its `document`,
    /// the passage also counts towards that document's context share (see `LexiconContext`).
    package func record(_ passage: Passage, document: String? = nil, into statistics: inout CorpusStatistics) {
        record(analyze(passage), document: document, into: &statistics)
    }

    /// First pass over documents held in memory.
    package func statistics(documents: [TokenizedDocument]) -> CorpusStatistics {
        var statistics = emptyStatistics()
        for document in documents {
            for passage in document.passages { record(passage, document: document.id, into: &statistics) }
        }
        return statistics
    }

    /// Second pass: the passage's scores, one per issue with at least one match, in lexicon
    /// order. Each score is the sum of its matches' contributions (both rounded to 4 decimals).
    /// `document` is the id the passage was recorded with; without it (or when the document
    /// was not recorded with its id) only the passage's own context counts.
    package func score(passage: Passage, document: String? = nil, statistics: CorpusStatistics) -> [CategoryScore] {
        scores(analyze(passage), passage: passage, document: document, statistics: statistics)
    }

    /// One passage matched against the lexicon, kept between the two passes so that a
    /// passage is matched once: `record(_:document:into:)` in the first pass, then
    /// `score(_:passage:document:statistics:)` in the second.
    package struct AnalyzedPassage: Sendable {
        let analysis: PassageAnalysis
        /// False when no term of any issue matched: such a passage gets no score.
        package var hasMatches: Bool { !analysis.resolved.isEmpty }
        /// Word and number tokens of the passage.
        package var wordCount: Int { analysis.wordCount }

        /// Appends the matches to `writer` (see `PackedWriter`), for callers that keep many
        /// passages between the two passes.
        package func pack(into writer: inout PackedWriter) {
            writer.int(analysis.wordCount)
            writer.int(analysis.contextMatches)
            writer.int(analysis.resolved.count)
            for (group, spans) in zip(analysis.resolved, analysis.spans) {
                writer.int(group.category)
                writer.int(group.matches.count)
                for (match, span) in zip(group.matches, spans) {
                    match.pack(into: &writer)
                    writer.int(span.lowerBound)
                    writer.int(span.upperBound)
                }
            }
        }

        /// Reads matches written by `pack(into:)`.
        package static func unpack(from reader: inout PackedReader) throws(PackedReader.Malformed) -> AnalyzedPassage {
            let wordCount = try reader.int()
            let contextMatches = try reader.int()
            let groupCount = try reader.int()
            guard groupCount >= 0 else { throw PackedReader.Malformed(offset: reader.offset) }
            var resolved: [CategoryMatches] = []
            var spans: [[Range<Int>]] = []
            resolved.reserveCapacity(groupCount)
            spans.reserveCapacity(groupCount)
            for _ in 0..<groupCount {
                let category = try reader.int()
                let count = try reader.int()
                guard count >= 0 else { throw PackedReader.Malformed(offset: reader.offset) }
                var matches: [PatternMatch] = []
                var groupSpans: [Range<Int>] = []
                matches.reserveCapacity(count)
                groupSpans.reserveCapacity(count)
                for _ in 0..<count {
                    matches.append(try PatternMatch.unpack(from: &reader))
                    let lower = try reader.int()
                    let upper = try reader.int()
                    guard lower <= upper else { throw PackedReader.Malformed(offset: reader.offset) }
                    groupSpans.append(lower..<upper)
                }
                resolved.append(CategoryMatches(category: category, matches: matches))
                spans.append(groupSpans)
            }
            return AnalyzedPassage(
                analysis: PassageAnalysis(
                    resolved: resolved, spans: spans, wordCount: wordCount, contextMatches: contextMatches))
        }
    }

    /// Matches a passage against the lexicon.
    package func analyzed(_ passage: Passage) -> AnalyzedPassage {
        AnalyzedPassage(analysis: analyze(passage))
    }

    /// Matches a passage read as token columns (`TokenizedDocument.read(jsonFile:eachPassageColumns:)`);
    /// `forms` carries the lookups of the document's forms table from one passage to the next.
    /// Gives the same matches as `analyzed(_:)` on the passage with its tokens.
    package func analyzed(
        _ passage: Passage, columns: PassageTokenColumns, table: [(String, String)], forms: inout DocumentForms
    ) -> AnalyzedPassage {
        forms.update(to: table, lexicon: compiled)
        if let words = forms.wordCountWithoutAnchors(columns) {
            // No token can start a pattern (most passages of most documents): no match.
            return AnalyzedPassage(
                analysis: PassageAnalysis(resolved: [], spans: [], wordCount: words, contextMatches: 0))
        }
        let tokens = PassageTokens(passage: passage, columns: columns, forms: forms)
        return AnalyzedPassage(
            analysis: analysis(of: tokens, start: { columns.start[$0] }, end: { columns.end[$0] }))
    }

    /// A document's forms table looked up in this lexicon, ready for `analyzed(_:columns:table:forms:)`
    /// (copies of it can match ranges of the document's passages side by side).
    package func documentForms(_ table: [(String, String)]) -> DocumentForms {
        var forms = DocumentForms()
        forms.update(to: table, lexicon: compiled)
        return forms
    }

    /// First pass, from a passage already matched.
    package func record(_ analyzed: AnalyzedPassage, document: String? = nil, into statistics: inout CorpusStatistics) {
        record(analyzed.analysis, document: document, into: &statistics)
    }

    /// Second pass, from a passage already matched. `passage` is the same passage; its
    /// tokens are no longer needed and may have been dropped to save memory.
    package func score(
        _ analyzed: AnalyzedPassage, passage: Passage, document: String? = nil, statistics: CorpusStatistics
    ) -> [CategoryScore] {
        scores(analyzed.analysis, passage: passage, document: document, statistics: statistics)
    }

    // MARK: - Matching

    /// What scoring needs from matching one passage.
    struct PassageAnalysis: Sendable {
        /// Surviving term matches by category.
        var resolved: [CategoryMatches]
        /// For each match of `resolved`, its character offsets in the passage's text, so that
        /// scoring does not need the passage's tokens any more.
        var spans: [[Range<Int>]]
        /// Word and number tokens of the passage.
        var wordCount: Int
        /// Matches of the lexicon's context terms.
        var contextMatches: Int
    }

    func analyze(_ passage: Passage) -> PassageAnalysis {
        let tokens = PassageTokens(passage: passage, lexicon: compiled)
        return analysis(of: tokens, start: { passage.tokens[$0].start }, end: { passage.tokens[$0].end })
    }

    /// Matches, exclusions and overlaps resolved; `start` and `end` give a token's offsets.
    private func analysis(of tokens: PassageTokens, start: (Int) -> Int, end: (Int) -> Int) -> PassageAnalysis {
        let raw = PatternMatcher(lexicon: compiled, passage: tokens).allMatches()
        if raw.isEmpty {
            return PassageAnalysis(resolved: [], spans: [], wordCount: tokens.wordCount, contextMatches: 0)
        }
        let resolved = compiled.resolve(raw, in: tokens)
        let spans = resolved.map { group in
            group.matches.map { start($0.first)..<end($0.end - 1) }
        }
        return PassageAnalysis(
            resolved: resolved, spans: spans, wordCount: tokens.wordCount,
            contextMatches: compiled.contextMatchCount(raw))
    }

    private func record(_ analysis: PassageAnalysis, document: String?, into statistics: inout CorpusStatistics) {
        // Each pattern counts once per passage (a passage has few: a sorted array, no set).
        var patterns: [Int] = []
        for group in analysis.resolved {
            for match in group.matches { patterns.append(match.pattern) }
        }
        patterns.sort()
        var distinct = 0
        for index in patterns.indices where distinct == 0 || patterns[distinct - 1] != patterns[index] {
            patterns[distinct] = patterns[index]
            distinct += 1
        }
        patterns.removeSubrange(distinct...)
        statistics.record(
            wordCount: analysis.wordCount, patterns: patterns, document: document,
            hasContext: analysis.contextMatches > 0)
    }

    private func scores(
        _ analysis: PassageAnalysis, passage: Passage, document: String?, statistics: CorpusStatistics
    ) -> [CategoryScore] {
        let context = contextFactor(
            contextMatches: analysis.contextMatches, document: document, statistics: statistics)
        var scores: [CategoryScore] = []
        guard !analysis.resolved.isEmpty else { return scores }
        // The matched texts of every category, in one walk over the passage's text.
        var ranges: [ScalarRange] = []
        ranges.reserveCapacity(analysis.spans.reduce(0) { $0 + $1.count })
        for spans in analysis.spans {
            for span in spans { ranges.append(ScalarRange(start: span.lowerBound, end: span.upperBound)) }
        }
        let texts = ScalarSlices.slices(of: passage.text, ranges)
        var first = 0
        for (group, spans) in zip(analysis.resolved, analysis.spans) {
            defer { first += spans.count }
            if let score = categoryScore(
                group, spans: spans, texts: texts[first..<(first + spans.count)], passage: passage,
                wordCount: analysis.wordCount,
                statistics: statistics,
                context: context)
            {
                scores.append(score)
            }
        }
        return scores
    }

    // MARK: - Formula

    /// The product of the passage's and its document's context factors (1 without a
    /// `context` section).
    func contextFactor(contextMatches: Int, document: String?, statistics: CorpusStatistics) -> Double {
        guard let context = lexicon.context else { return 1 }
        var factor = context.passageFactor(matches: contextMatches)
        if let document, let count = statistics.contextByDocument[document] {
            factor *= context.documentFactor(passages: count.passages, withContext: count.withContext)
        }
        return factor
    }

    private func categoryScore(
        _ group: CategoryMatches, spans: [Range<Int>], texts: ArraySlice<String>, passage: Passage, wordCount: Int,
        statistics: CorpusStatistics,
        context: Double
    ) -> CategoryScore? {
        // Distinct patterns in order of first match, and their number of matches (a category
        // has few matches in a passage: arrays are cheaper than dictionaries here).
        var patterns: [Int] = []
        var counts: [Int] = []
        for match in group.matches {
            if let position = patterns.firstIndex(of: match.pattern) {
                counts[position] += 1
            } else {
                patterns.append(match.pattern)
                counts.append(1)
            }
        }

        let passageCount = Double(max(statistics.passageCount, 1))
        let length = Double(max(wordCount, 1))
        let k1 = parameters.k1
        let lengthFactor = k1 * (1 - parameters.b + parameters.b * length / statistics.averagePassageLength)
        let distinct = min(patterns.count, max(parameters.coordinationLimit, 1))
        let coordination = 1 + parameters.coordinationBonus * Double(distinct - 1)
        let brevity =
            min(1, length / Double(max(parameters.minimumWords, 1)))
            * (passage.blockKind == .footnote ? parameters.footnoteFactor : 1)

        var perOccurrence: [Double] = []
        perOccurrence.reserveCapacity(patterns.count)
        for (pattern, count) in zip(patterns, counts) {
            let documentFrequency = Double(min(max(statistics.frequency(of: pattern), 0), Int(passageCount)))
            let idf = log(1 + (passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5))
            let tf = Double(count)
            let saturated = tf * (k1 + 1) / (tf + lengthFactor)
            let termScore = compiled.weight(ofPattern: pattern) * idf * saturated
            perOccurrence.append(coordination * brevity * context * termScore / tf)
        }

        let contributions = perOccurrence.map(Self.round4)
        var matches: [TermMatch] = []
        matches.reserveCapacity(group.matches.count)
        var total = 0.0
        for ((match, span), text) in zip(zip(group.matches, spans), texts) {
            let contribution = patterns.firstIndex(of: match.pattern).map { contributions[$0] } ?? 0
            let start = span.lowerBound
            let end = span.upperBound
            matches.append(
                TermMatch(
                    term: compiled.entries[match.pattern].text, text: text,
                    start: start,
                    end: end, contribution: contribution))
            total += contribution
        }
        let score = Self.round4(total)
        // Weights are bounded (`LexiconReader.maximumWeight`), so a score is finite; a
        // non-finite one would make the rank stage refuse its input, so none is ever written.
        guard score > 0, score.isFinite, matches.allSatisfy({ $0.contribution.isFinite }) else { return nil }
        return CategoryScore(category: lexicon.categories[group.category].id, score: score, matches: matches)
    }

    /// Rounds to 4 decimals, half away from zero.
    static func round4(_ value: Double) -> Double {
        (value * 10_000).rounded(.toNearestOrAwayFromZero) / 10_000
    }
}
