import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// The two passes of scoring: every document matched once (the corpus statistics are
/// gathered on the way), then the matched passages scored with the statistics of the whole corpus.
extension ScoreStage {
    /// Scores every passage of a tokenized folder with a lexicon held in memory (for the
    /// tuning tools; the stage itself streams the second pass to its file).
    package static func scoreSet(
        passages input: URL, manifest: TokenizeManifest, lexicon parsed: Lexicon, info: LexiconInfo, jobs: Int,
        progress: @escaping ProgressFactory = SilentProgress.factory
    ) -> Result<ScoreSet, StageError> {
        let scorer = Scorer(lexicon: parsed)
        return firstPass(passages: input, manifest: manifest, scorer: scorer, jobs: jobs, progress: progress)
            .flatMap { pass in
                let statistics = pass.statistics
                let results = pass.documents.parallelMap(workers: max(1, jobs)) { document in
                    Result { () throws(FileReadError) in
                        try secondPass(document, scorer: scorer, statistics: statistics)
                    }
                }
                var scored: [ScoredPassage] = []
                for result in results {
                    switch result {
                    case .success(let passages): scored += passages
                    case .failure(let error): return .failure(Self.spillFailure(error))
                    }
                }
                return .success(
                    ScoreSet(
                        lexicon: info, categories: parsed.categoryInfos, documents: pass.documents.map(\.summary),
                        passages: scored))
            }
    }

    /// The documents after the first pass, and the corpus statistics.
    struct FirstPass: Sendable {
        var documents: [MatchedDocument]
        var statistics: CorpusStatistics
    }

    /// Each document is read and matched once, on every core: its passages are matched as
    /// they are decoded, counted into the document's share of the corpus statistics, and only
    /// those with a match are kept for the second pass, which needs the statistics of the
    /// whole corpus.
    static func firstPass(
        passages input: URL, manifest: TokenizeManifest, scorer: Scorer, jobs: Int,
        progress makeProgress: ProgressFactory,
        longDocumentPassages: Int = 4096, spilledPassages: Int = defaultSpilledPassages
    ) -> Result<FirstPass, StageError> {
        let progress = makeProgress("score", manifest.entries.count)
        // Largest first: a long document begun last would leave the other cores idle.
        let results = manifest.entries.parallelMap(workers: max(1, jobs), costliestFirst: \.passages) { entry in
            defer { progress.advance(by: 1) }
            return Result { () throws(StageError) -> MatchedDocument in
                try Self.match(
                    entry, in: input, scorer: scorer, workers: entry.passages >= longDocumentPassages ? jobs : 1,
                    spilledPassages: spilledPassages)
            }
        }
        progress.finish()
        var statistics = scorer.emptyStatistics()
        var documents: [MatchedDocument] = []
        documents.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(var document):
                if let share = document.statistics { statistics.merge(share) }
                // The document's share is in the corpus statistics now.
                document.statistics = nil
                documents.append(document)
            case .failure(let error):
                return .failure(error)
            }
        }
        return .success(FirstPass(documents: documents, statistics: statistics))
    }

    /// The scored passages of one document, in order.
    static func secondPass(
        _ document: MatchedDocument, scorer: Scorer, statistics: CorpusStatistics
    ) throws(FileReadError) -> [ScoredPassage] {
        var scored: [ScoredPassage] = []
        for piece in 0..<document.pieceCount {
            scored += try secondPass(document, piece: piece, scorer: scorer, statistics: statistics)
        }
        return scored
    }

    /// The stage's error when the temporary file of a long document's texts cannot be read back.
    static func spillFailure(_ error: FileReadError) -> StageError {
        StageError("cannot read back the temporary file of matched passages: \(error)", status: .cannotWrite)
    }

    /// The scored passages of one piece of a document, in order.
    static func secondPass(
        _ document: MatchedDocument, piece: Int, scorer: Scorer, statistics: CorpusStatistics
    ) throws(FileReadError) -> [ScoredPassage] {
        var scored: [ScoredPassage] = []
        try document.forEachMatched(inPiece: piece) { passage, analysis in
            let scores = scorer.score(analysis, passage: passage, document: document.summary.id, statistics: statistics)
            if !scores.isEmpty {
                scored.append(ScoredPassage(documentId: document.summary.id, passage: passage, scores: scores))
            }
        }
        return scored
    }
}
