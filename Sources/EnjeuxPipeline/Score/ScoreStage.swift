import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// Stage 3: scores every passage against the lexicon for every issue (`<output>`, a
/// `scores.json` file). Reruns only when the lexicon or a document changed.
package struct ScoreStage: Sendable {
    package var input: URL
    package var lexicon: URL
    package var output: URL
    /// Documents read and matched at the same time.
    package var jobs: Int
    /// Draws a progress bar on standard error while documents are worked on, when it is a terminal.
    package var showsProgress = false
    /// Documents with at least this many passages are matched on every core, by batches.
    package var longDocumentPassages = 4096

    package init(
        input: URL, lexicon: URL, output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.input = input
        self.lexicon = lexicon
        self.output = output
        self.jobs = max(1, jobs)
    }

    package struct Outcome: Sendable {
        package var documents: Int
        package var passages: Int
        package var scored: Int
        package var reused: Bool
        package var warnings: [LexiconDiagnostic]
        package var seconds: Double
    }

    private var fingerprintURL: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).inputs")
    }

    package func run() throws(StageError) -> Outcome {
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
        // The second pass scores and encodes the pieces of matched passages on every core,
        // while this thread writes them to the file in order as they come.
        var scored = 0
        do {
            let writer = try ScoreSetStreamWriter(
                url: output, lexicon: info, categories: parsed.categoryInfos, documents: pass.documents.map(\.summary))
            let statistics = pass.statistics
            let documents = pass.documents
            pass.documents = []
            let work = documents.indices.flatMap { document in
                (0..<documents[document].pieceCount).map { (document: document, piece: $0) }
            }
            try work.parallelMap(workers: max(1, jobs)) { item in
                let passages = Self.secondPass(
                    documents[item.document], piece: item.piece, scorer: scorer, statistics: statistics)
                return (count: passages.count, bytes: ScoreSetStreamWriter.encodeList(passages))
            } consumingInOrder: { encoded in
                scored += encoded.count
                try writer.append(encodedList: encoded.bytes)
            }
            try writer.finish()
            try AtomicFile.write(fingerprint, to: fingerprintURL)
        } catch {
            throw StageError("cannot write \(output.path): \(error)", status: .cannotWrite)
        }
        return Outcome(
            documents: manifest.entries.count, passages: passageCount, scored: scored, reused: false,
            warnings: warnings, seconds: clock.seconds)
    }

    /// Scores every passage of a tokenized folder with a lexicon held in memory (for the
    /// tuning tools; the stage itself streams the second pass to its file).
    package static func scoreSet(
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
        // Largest first: a long document begun last would leave the other cores idle.
        let results = manifest.entries.parallelMap(workers: max(1, jobs), costliestFirst: \.passages) { entry in
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
    /// The packed passages, in pieces (one per batch of passages matched together), so that
    /// the second pass can score the pieces of a long document on several cores.
    private var pieces: [MatchedPiece] = []

    /// How many pieces the matched passages are packed in.
    var pieceCount: Int { pieces.count }

    init(summary: DocumentSummary, statistics: CorpusStatistics? = nil) {
        self.summary = summary
        self.statistics = statistics
    }

    /// Keeps a piece of matched passages (packed by `MatchedPiece.append`), unless it is empty.
    mutating func append(_ piece: MatchedPiece) {
        if piece.count > 0 { pieces.append(piece) }
    }

    /// The matched passages in order, unpacked one at a time.
    func forEachMatched(_ body: (Passage, Scorer.AnalyzedPassage) -> Void) {
        for piece in pieces.indices { forEachMatched(inPiece: piece, body) }
    }

    /// The matched passages of one piece, in order.
    func forEachMatched(inPiece piece: Int, _ body: (Passage, Scorer.AnalyzedPassage) -> Void) {
        pieces[piece].forEach(body)
    }

    /// Drops the matched passages (once they are scored).
    mutating func dropMatched() {
        pieces = []
    }
}

/// Matched passages (without their tokens) and their matches, packed in bytes; their texts
/// are kept as they were read (packing them would mean checking their UTF-8 again to read
/// them back).
struct MatchedPiece: Sendable {
    private var packed = PackedWriter()
    private var texts: [String] = []
    var count: Int { texts.count }

    /// Keeps a matched passage and its matches.
    mutating func append(_ passage: Passage, _ analysis: Scorer.AnalyzedPassage) {
        packed.string(passage.id)
        packed.int(passage.index)
        packed.int(passage.page)
        packed.optionalInt(passage.endPage)
        packed.optionalString(passage.pageLabel)
        packed.optionalString(passage.endPageLabel)
        packed.optionalString(passage.heading)
        packed.string(passage.blockKind.rawValue)
        texts.append(passage.text)
        analysis.pack(into: &packed)
    }

    /// The passages in order, unpacked one at a time.
    func forEach(_ body: (Passage, Scorer.AnalyzedPassage) -> Void) {
        var reader = PackedReader(packed.bytes)
        do {
            for text in texts {
                let id = try reader.string()
                let index = try reader.int()
                let page = try reader.int()
                let endPage = try reader.optionalInt()
                let pageLabel = try reader.optionalString()
                let endPageLabel = try reader.optionalString()
                let heading = try reader.optionalString()
                let kind = BlockKind(rawValue: try reader.string()) ?? .paragraph
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
}

extension ScoreStage {
    /// Passages read and matched together (a long document's are split in such ranges,
    /// matched on every core).
    static let passagesPerBatch = 1024

    /// Reads one document's passages and matches them: from its columns file, by ranges of
    /// passages decoded and matched on `workers` cores, else from its JSON passage file.
    fileprivate static func match(
        _ entry: TokenizeManifest.Entry, in input: URL, scorer: Scorer, workers: Int
    ) throws(StageError) -> MatchedDocument {
        let fromColumns = PassageFiles.withColumnsIndex(entry, in: input) { index in
            matchColumns(index, id: entry.id, scorer: scorer, workers: workers)
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

    /// Matches the passages of a columns file by ranges, side by side: each range is decoded,
    /// matched, counted into statistics of its own and its matched passages packed. Nil when
    /// a passage turns out to be damaged.
    private static func matchColumns(
        _ index: ColumnsFileIndex, id: String, scorer: Scorer, workers: Int
    ) -> MatchedDocument? {
        let forms = scorer.documentForms(index.table)
        let ranges = stride(from: 0, to: index.passageCount, by: passagesPerBatch).map {
            $0..<min($0 + passagesPerBatch, index.passageCount)
        }
        let shares = ranges.parallelMap(workers: workers) { range in
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
        var statistics = scorer.emptyStatistics()
        var matched = MatchedDocument(summary: summary(of: index.document, passages: index.passageCount))
        for share in shares {
            guard case .success(let (counts, piece)) = share else { return nil }
            statistics.merge(counts)
            matched.append(piece)
        }
        matched.statistics = statistics
        return matched
    }

    private static func summary(of document: TokenizedDocument, passages: Int) -> DocumentSummary {
        DocumentSummary(
            id: document.id, source: document.source, sha256: document.sha256, format: document.format,
            metadata: document.metadata, pageCount: document.pageCount, passageCount: passages,
            warnings: document.warnings)
    }
}

/// Reads and checks a lexicon file, turning every problem into a one-line stage error.
package enum LexiconFile {
    /// The parsed lexicon, the file's SHA-256 and its warnings.
    package static func load(_ url: URL) throws(StageError) -> (Lexicon, String, [LexiconDiagnostic]) {
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
