import EnjeuxCore
import EnjeuxLexicon
import Foundation
import Synchronization

/// Stage 3: scores every passage against the lexicon for every issue (`<output>`, a
/// `scores.json` file). Reruns only when the lexicon or a document changed.
public struct ScoreStage: Sendable {
    public var input: URL
    public var lexicon: URL
    public var output: URL
    /// Documents read and matched at the same time.
    public var jobs: Int
    /// Draws a progress bar on standard error while documents are worked on, when it is a terminal.
    public var showsProgress = false
    /// Documents with at least this many passages are matched on every core, by batches.
    public var longDocumentPassages = 4096

    public init(
        input: URL, lexicon: URL, output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.input = input
        self.lexicon = lexicon
        self.output = output
        self.jobs = max(1, jobs)
    }

    public struct Outcome: Sendable {
        public var documents: Int
        public var passages: Int
        public var scored: Int
        public var reused: Bool
        public var warnings: [LexiconDiagnostic]
        public var seconds: Double
    }

    private var fingerprintURL: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).inputs")
    }

    public func run() throws(StageError) -> Outcome {
        let clock = Stopwatch()
        let (parsed, lexiconSHA, warnings) = try LexiconFile.load(lexicon)
        guard let manifest = TokenizeManifest.load(from: input) else {
            throw StageError(
                "no tokenized documents in \(input.path): run enjeux-tokenize first", status: .missingInput)
        }
        let fingerprint = SHA256.hex(
            of: ([lexiconSHA, lexicon.path, manifest.settings] + manifest.entries.map { "\($0.id) \($0.sha256)" })
                .joined(separator: "\n"))
        let passageCount = manifest.entries.reduce(0) { $0 + $1.passages }
        if FileManager.default.fileExists(atPath: output.path),
            (try? String(contentsOf: fingerprintURL, encoding: .utf8)) == fingerprint
        {
            return Outcome(
                documents: manifest.entries.count, passages: passageCount, scored: 0, reused: true,
                warnings: warnings, seconds: clock.seconds)
        }

        let info = LexiconInfo(path: lexicon.path, sha256: lexiconSHA, name: parsed.name, version: parsed.version)
        let scorer = Scorer(lexicon: parsed)
        var pass = try Self.firstPass(
            passages: input, manifest: manifest, scorer: scorer, jobs: jobs, showsProgress: showsProgress,
            longDocumentPassages: longDocumentPassages
        ).get()
        // The second pass goes a few documents at a time, straight to the file: a document's
        // matched passages are dropped once its scores are written.
        var scored = 0
        do {
            let writer = try ScoreSetStreamWriter(
                url: output, lexicon: info, categories: parsed.categoryInfos, documents: pass.documents.map(\.summary))
            let statistics = pass.statistics
            let chunk = max(1, jobs) * 8
            for start in stride(from: 0, to: pass.documents.count, by: chunk) {
                let range = start..<min(start + chunk, pass.documents.count)
                let batch = Array(pass.documents[range])
                for index in range { pass.documents[index].dropMatched() }
                // Scored and encoded on every core, a piece of a document at a time (a long
                // document has several); only the writing is sequential.
                let work = batch.indices.flatMap { document in
                    (0..<batch[document].pieceCount).map { (document: document, piece: $0) }
                }
                let encoded = work.parallelMap(workers: max(1, jobs)) { item in
                    Self.secondPass(batch[item.document], piece: item.piece, scorer: scorer, statistics: statistics)
                        .map(ScoreSetCodec.encode)
                }
                for passages in encoded {
                    scored += passages.count
                    try writer.append(encoded: passages)
                }
            }
            try writer.finish()
            try AtomicFile.write(fingerprint, to: fingerprintURL)
        } catch {
            throw StageError("cannot write \(output.path): \(error)", status: .cannotWrite)
        }
        return Outcome(
            documents: pass.documents.count, passages: passageCount, scored: scored, reused: false,
            warnings: warnings, seconds: clock.seconds)
    }

    /// Scores every passage of a tokenized folder with a lexicon held in memory (for the
    /// tuning tools; the stage itself streams the second pass to its file).
    public static func scoreSet(
        passages input: URL, manifest: TokenizeManifest, lexicon parsed: Lexicon, info: LexiconInfo, jobs: Int,
        showsProgress: Bool = false
    ) -> Result<ScoreSet, StageError> {
        let scorer = Scorer(lexicon: parsed)
        return firstPass(passages: input, manifest: manifest, scorer: scorer, jobs: jobs, showsProgress: showsProgress)
            .map { pass in
                let statistics = pass.statistics
                let scored = pass.documents.parallelMap(workers: max(1, jobs)) {
                    secondPass($0, scorer: scorer, statistics: statistics)
                }.flatMap { $0 }
                return ScoreSet(
                    lexicon: info, categories: parsed.categoryInfos, documents: pass.documents.map(\.summary),
                    passages: scored)
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
        passages input: URL, manifest: TokenizeManifest, scorer: Scorer, jobs: Int, showsProgress: Bool,
        longDocumentPassages: Int = 4096
    ) -> Result<FirstPass, StageError> {
        let progress = ProgressBar(
            label: "score", total: manifest.entries.count, enabled: showsProgress ? nil : false)
        let results = manifest.entries.parallelMap(workers: max(1, jobs)) { entry in
            defer { progress.advance() }
            return Result { () throws(StageError) -> MatchedDocument in
                try Self.match(
                    entry, in: input, scorer: scorer, workers: entry.passages >= longDocumentPassages ? jobs : 1)
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
    static func secondPass(_ document: MatchedDocument, scorer: Scorer, statistics: CorpusStatistics)
        -> [ScoredPassage]
    {
        (0..<document.pieceCount).flatMap { secondPass(document, piece: $0, scorer: scorer, statistics: statistics) }
    }

    /// The scored passages of one piece of a document, in order.
    static func secondPass(_ document: MatchedDocument, piece: Int, scorer: Scorer, statistics: CorpusStatistics)
        -> [ScoredPassage]
    {
        var scored: [ScoredPassage] = []
        document.forEachMatched(inPiece: piece) { passage, analysis in
            let scores = scorer.score(analysis, passage: passage, document: document.summary.id, statistics: statistics)
            if !scores.isEmpty {
                scored.append(ScoredPassage(documentId: document.summary.id, passage: passage, scores: scores))
            }
        }
        return scored
    }
}

/// A document after the first pass: its summary, its share of the corpus statistics (until
/// it is merged), and its passages that matched a term, with their matches.
///
/// The matched passages wait for the second pass packed in bytes (`PackedWriter`): held as
/// Swift values, the passages of a thousand documents took more memory than anything else
/// in the stage.
struct MatchedDocument: Sendable {
    var summary: DocumentSummary
    var statistics: CorpusStatistics?
    private(set) var matchedCount = 0
    /// The packed passages, in pieces of `passagesPerPiece`, so that the second pass can score
    /// the pieces of a long document on several cores.
    private var pieces: [PackedWriter] = []
    static let passagesPerPiece = 1024

    /// How many pieces the matched passages are packed in.
    var pieceCount: Int { pieces.count }

    init(summary: DocumentSummary, statistics: CorpusStatistics? = nil) {
        self.summary = summary
        self.statistics = statistics
    }

    /// Keeps a matched passage (without its tokens) and its matches.
    mutating func append(_ passage: Passage, _ analysis: Scorer.AnalyzedPassage) {
        if matchedCount % Self.passagesPerPiece == 0 { pieces.append(PackedWriter()) }
        let last = pieces.count - 1
        Self.pack(passage, analysis, into: &pieces[last])
        matchedCount += 1
    }

    private static func pack(_ passage: Passage, _ analysis: Scorer.AnalyzedPassage, into packed: inout PackedWriter) {
        packed.string(passage.id)
        packed.int(passage.index)
        packed.int(passage.page)
        packed.optionalInt(passage.endPage)
        packed.optionalString(passage.pageLabel)
        packed.optionalString(passage.endPageLabel)
        packed.optionalString(passage.heading)
        packed.string(passage.blockKind.rawValue)
        packed.string(passage.text)
        analysis.pack(into: &packed)
    }

    /// The matched passages in order, unpacked one at a time.
    func forEachMatched(_ body: (Passage, Scorer.AnalyzedPassage) -> Void) {
        for piece in pieces.indices { forEachMatched(inPiece: piece, body) }
    }

    /// The matched passages of one piece, in order.
    func forEachMatched(inPiece piece: Int, _ body: (Passage, Scorer.AnalyzedPassage) -> Void) {
        var reader = PackedReader(pieces[piece].bytes)
        let passageCount = min(Self.passagesPerPiece, matchedCount - piece * Self.passagesPerPiece)
        do {
            for _ in 0..<passageCount {
                let id = try reader.string()
                let index = try reader.int()
                let page = try reader.int()
                let endPage = try reader.optionalInt()
                let pageLabel = try reader.optionalString()
                let endPageLabel = try reader.optionalString()
                let heading = try reader.optionalString()
                let kind = BlockKind(rawValue: try reader.string()) ?? .paragraph
                let text = try reader.string()
                let analysis = try Scorer.AnalyzedPassage.unpack(from: &reader)
                let passage = Passage(
                    id: id, index: index, page: page, endPage: endPage, pageLabel: pageLabel,
                    endPageLabel: endPageLabel, heading: heading, blockKind: kind, text: text, tokens: [])
                body(passage, analysis)
            }
        } catch {
            // Written just before by `append`, in this process: cannot be malformed.
            preconditionFailure("matched passages packed in memory could not be read back at byte \(error.offset)")
        }
    }

    /// Drops the matched passages (once they are scored).
    mutating func dropMatched() {
        pieces = []
        matchedCount = 0
    }
}

extension ScoreStage {
    /// Passages matched by each core in one batch of a long document.
    static let passagesPerBatch = 1024

    /// Reads one passage file and matches its passages as they are decoded.
    fileprivate static func match(
        _ entry: TokenizeManifest.Entry, in input: URL, scorer: Scorer, workers: Int
    ) throws(StageError) -> MatchedDocument {
        var statistics = scorer.emptyStatistics()
        var matched = MatchedDocument(
            summary: DocumentSummary(
                id: entry.id, source: "", sha256: "", format: .html, metadata: DocumentMetadata(), pageCount: 0,
                passageCount: 0, warnings: []))
        var count = 0
        // Passages are matched by batches, split over `workers` cores for a long document (it
        // would otherwise keep one core busy while the others wait for it); each split keeps
        // its own lookups of the document's forms.
        let splits = max(1, workers)
        var pending: [(passage: Passage, columns: PassageTokenColumns)] = []
        var pendingTable: [(String, String)] = []
        let splitForms = Mutex([DocumentForms](repeating: DocumentForms(), count: splits))
        func matchPending() {
            guard !pending.isEmpty else { return }
            let batch = pending
            let table = pendingTable
            let size = (batch.count + splits - 1) / splits
            let slices = stride(from: 0, to: batch.count, by: size).map { $0..<min($0 + size, batch.count) }
            let analyses = Array(slices.enumerated()).parallelMap(workers: splits) { slot, range in
                var own = DocumentForms()
                splitForms.withLock { swap(&own, &$0[slot]) }
                let result = batch[range].map {
                    scorer.analyzed($0.passage, columns: $0.columns, table: table, forms: &own)
                }
                splitForms.withLock { swap(&own, &$0[slot]) }
                return result
            }.flatMap { $0 }
            for (item, analysis) in zip(batch, analyses) {
                scorer.record(analysis, document: entry.id, into: &statistics)
                if analysis.hasMatches { matched.append(item.passage, analysis) }
                count += 1
            }
            pending.removeAll(keepingCapacity: true)
        }
        // Passages come without tokens, as columns: scoring needs the text and the matches'
        // offsets, and each form is looked up once per document (per split).
        let body = { (passage: Passage, columns: PassageTokenColumns, table: [(String, String)]) in
            pending.append((passage, columns))
            pendingTable = table
            if pending.count >= Self.passagesPerBatch * splits { matchPending() }
        }
        let document = try PassageFiles.read(
            entry, in: input,
            restart: {
                (statistics, count) = (scorer.emptyStatistics(), 0)
                matched.dropMatched()
                pending.removeAll()
                splitForms.withLock { $0 = [DocumentForms](repeating: DocumentForms(), count: splits) }
            },
            eachPassage: body)
        matchPending()
        let summary = DocumentSummary(
            id: document.id, source: document.source, sha256: document.sha256, format: document.format,
            metadata: document.metadata, pageCount: document.pageCount, passageCount: count,
            warnings: document.warnings)
        matched.summary = summary
        matched.statistics = statistics
        return matched
    }
}

/// Reads and checks a lexicon file, turning every problem into a one-line stage error.
public enum LexiconFile {
    /// The parsed lexicon, the file's SHA-256 and its warnings.
    public static func load(_ url: URL) throws(StageError) -> (Lexicon, String, [LexiconDiagnostic]) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StageError(
                "cannot read the lexicon \(url.path): \(error.localizedDescription)", status: .missingInput)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StageError("the lexicon \(url.path) is not UTF-8 text", status: .invalidInput)
        }
        do {
            let lexicon = try Lexicon.parse(yaml: text, file: url.path)
            return (lexicon, SHA256.hex(of: data), lexicon.warnings)
        } catch {
            throw StageError(
                "the lexicon has errors; nothing was scored:\n\(error.description)", status: .invalidInput)
        }
    }
}
