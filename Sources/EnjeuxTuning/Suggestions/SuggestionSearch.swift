import EnjeuxEvidence
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// The whole `suggest` computation over a tokenized corpus: ranks the issue as the rank stage
/// does, counts the words and phrases of its top passages, then those of the whole corpus on
/// every core, and returns the most over-represented candidates.
///
/// Passages are read one document at a time through `read`, so the corpus is never held in
/// memory; the caller says how (a work folder's passage files) and shows progress.
package struct SuggestionSearch: Sendable {
    /// One document of the tokenized corpus: its id and its source path.
    package typealias Document = (id: String, source: String)
    /// Reads the passages of a document, calling `body` for each; calls `restart` first when
    /// it has to start the document again (a file changed while being read).
    package typealias PassageReader =
        @Sendable (
            _ documentID: String, _ restart: () -> Void,
            _ body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
        ) throws -> Void

    /// The issue is not in the lexicon.
    package struct UnknownIssue: Error, Sendable {
        package var issue: String
        package var known: [String]
    }

    package var lexicon: Lexicon
    package var scores: ScoreSet
    /// How many top passages of the issue to learn from.
    package var topPassages: Int

    package init(lexicon: Lexicon, scores: ScoreSet, topPassages: Int) {
        self.lexicon = lexicon
        self.scores = scores
        self.topPassages = topPassages
    }

    /// The `limit` best suggestions for `issue`; `advance` is called once per document of the
    /// corpus pass, from any thread.
    package func suggest(
        issue: String, limit: Int, documents: [Document], read: PassageReader,
        advance: @Sendable () -> Void = {}
    ) throws -> [Suggestion] {
        guard scores.categories.contains(where: { $0.id == issue }) else {
            throw UnknownIssue(issue: issue, known: scores.categories.map(\.id))
        }
        let targets = matchedSpans(issue: issue)
        let finder = SuggestionFinder(lexicon: lexicon)
        let top = try countTop(targets, documents: documents, finder: finder, read: read)
        let parts = documents.parallelMap { document in
            defer { advance() }
            var part = top
            var flags = SuggestionFinder.FormFlags()
            return Result { () throws in
                try read(
                    document.id, { (part, flags) = (top, .init()) },
                    { _, columns, table in
                        finder.update(&flags, table: table, counts: top)
                        finder.countCorpus(columns, table: table, flags: flags, into: &part)
                    })
                return part
            }
        }
        var total = top
        for part in parts {
            SuggestionFinder.merge(try part.get(), into: &total)
        }
        return finder.suggestions(total, limit: limit)
    }

    /// The issue's top passages by document, with the offsets of every match the lexicon made in them.
    private func matchedSpans(issue: String) -> [String: [String: [Range<Int>]]] {
        var rankOptions = EvidenceOptions()
        rankOptions.maximumPassages = topPassages
        let ranked = Ranker(options: rankOptions).rank(scores).first { $0.category.id == issue }?.passages ?? []
        var targets: [String: [String: [Range<Int>]]] = [:]
        for shown in ranked {
            let spans = shown.passage.scores.flatMap { $0.matches.map { $0.start..<$0.end } }
            targets[shown.passage.documentId, default: [:]][shown.passage.passageId] = spans
        }
        return targets
    }

    /// Counts the words and phrases of the top passages, document by document.
    private func countTop(
        _ targets: [String: [String: [Range<Int>]]], documents: [Document], finder: SuggestionFinder,
        read: PassageReader
    ) throws -> SuggestionFinder.Counts {
        var counts = SuggestionFinder.Counts()
        for document in documents {
            guard let wanted = targets[document.id] else { continue }
            let before = counts
            try read(
                document.id, { counts = before },
                { passage, columns, table in
                    if let matched = wanted[passage.id] {
                        finder.countTop(
                            passage, columns: columns, table: table, source: document.source, matched: matched,
                            into: &counts)
                    }
                })
        }
        return counts
    }
}
