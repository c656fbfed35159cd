import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxSupport
import Foundation

extension ScoreStage {
    /// Passages read and matched together (a long document's are split in such ranges,
    /// matched on every core).
    static let passagesPerBatch = 1024

    /// Reads one document's passages and matches them: from its columns file, by ranges of
    /// passages decoded and matched on `workers` cores, else from its JSON passage file.
    static func match(
        _ entry: TokenizeManifest.Entry, in input: URL, scorer: Scorer, workers: Int,
        spilledPassages: Int = defaultSpilledPassages
    ) throws(StageError) -> MatchedDocument {
        let fromColumns = PassageFiles.withColumnsIndex(entry, in: input) { index in
            matchColumns(index, id: entry.id, scorer: scorer, workers: workers, spilledPassages: spilledPassages)
        }
        if let matched = fromColumns ?? nil { return matched }
        // No current columns file, or a damaged one: the JSON file, one passage after the other.
        var statistics = scorer.emptyStatistics()
        var piece = MatchedPiece()
        var forms = DocumentForms()
        var count = 0
        let document = try PassageFiles.readJSON(entry, in: input) { passage, columns, table in
            let analysis = scorer.analyzed(passage, columns: columns, table: table, forms: &forms)
            scorer.record(analysis, document: entry.id, into: &statistics)
            if analysis.hasMatches { piece.append(passage, analysis) }
            count += 1
        }
        var matched = MatchedDocument(summary: summary(of: document, passages: count), statistics: statistics)
        matched.append(piece)
        return matched
    }

    /// By default, a document with at least this many passages keeps its matched texts in a
    /// temporary file until the second pass (`SpilledTexts`).
    package static let defaultSpilledPassages = 65_536

    /// Matches the passages of a columns file by ranges, side by side: each range is decoded,
    /// matched, counted into statistics of its own and its matched passages packed (their texts
    /// moved to a temporary file for a long document, as the ranges come in order). Nil when a
    /// passage turns out to be damaged.
    private static func matchColumns(
        _ index: ColumnsFileIndex, id: String, scorer: Scorer, workers: Int, spilledPassages: Int
    ) -> MatchedDocument? {
        let forms = scorer.documentForms(index.table)
        let ranges = stride(from: 0, to: index.passageCount, by: passagesPerBatch).map {
            $0..<min($0 + passagesPerBatch, index.passageCount)
        }
        let spill = index.passageCount >= spilledPassages ? SpilledTexts() : nil
        var statistics = scorer.emptyStatistics()
        var matched = MatchedDocument(summary: summary(of: index.document, passages: index.passageCount))
        var damaged = false
        let match: @Sendable (Range<Int>) -> Result<(CorpusStatistics, MatchedPiece), TokenColumnsFile.ReadError> = {
            range in
            Result { () throws(TokenColumnsFile.ReadError) -> (CorpusStatistics, MatchedPiece) in
                var forms = forms
                var share = scorer.emptyStatistics()
                var piece = MatchedPiece()
                try index.decode(range) { passage, columns in
                    let analysis = scorer.analyzed(passage, columns: columns, table: index.table, forms: &forms)
                    scorer.record(analysis, document: id, into: &share)
                    if analysis.hasMatches { piece.append(passage, analysis) }
                }
                return (share, piece)
            }
        }
        func keep(_ share: Result<(CorpusStatistics, MatchedPiece), TokenColumnsFile.ReadError>) {
            guard !damaged, case .success(let (counts, matchedPiece)) = share else {
                damaged = true
                return
            }
            var piece = matchedPiece
            if let spill { piece.spill(into: spill) }
            statistics.merge(counts)
            matched.append(piece)
        }
        if spill != nil {
            // Kept in order as they come: only the ranges being matched hold their texts.
            try? ranges.parallelMap(workers: workers, match, consumingInOrder: keep)
        } else {
            for share in ranges.parallelMap(workers: workers, match) { keep(share) }
        }
        if damaged { return nil }
        matched.statistics = statistics
        return matched
    }

    private static func summary(of document: TokenizedDocument, passages: Int) -> DocumentSummary {
        DocumentSummary(
            id: document.id, source: document.source, sha256: document.sha256, format: document.format,
            metadata: document.metadata, pageCount: document.pageCount, passageCount: passages,
            warnings: document.warnings, ocrPages: document.ocrPages)
    }
}
