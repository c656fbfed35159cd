import EnjeuxCore
import EnjeuxLexicon
import Foundation

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
            passages: input, manifest: manifest, scorer: scorer, jobs: jobs, showsProgress: showsProgress
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
                for index in range { pass.documents[index].matched = [] }
                let passages = batch.parallelMap(workers: max(1, jobs)) {
                    Self.secondPass($0, scorer: scorer, statistics: statistics)
                }.flatMap { $0 }
                scored += passages.count
                try writer.append(passages)
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
        passages input: URL, manifest: TokenizeManifest, scorer: Scorer, jobs: Int, showsProgress: Bool
    ) -> Result<FirstPass, StageError> {
        let progress = ProgressBar(
            label: "score", total: manifest.entries.count, enabled: showsProgress ? nil : false)
        let results = manifest.entries.parallelMap(workers: max(1, jobs)) { entry in
            defer { progress.advance() }
            return Result { () throws(StageError) -> MatchedDocument in
                try Self.match(entry, in: input, scorer: scorer)
            }
        }
        progress.finish()
        var statistics = scorer.emptyStatistics()
        var documents: [MatchedDocument] = []
        documents.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let document):
                statistics.merge(document.statistics)
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
        document.matched.compactMap { item -> ScoredPassage? in
            let scores = scorer.score(
                item.analysis, passage: item.passage, document: document.summary.id, statistics: statistics)
            return scores.isEmpty
                ? nil : ScoredPassage(documentId: document.summary.id, passage: item.passage, scores: scores)
        }
    }
}

/// A document after the first pass: its summary, its share of the corpus statistics, and
/// its passages that matched a term, with their matches.
struct MatchedDocument: Sendable {
    var summary: DocumentSummary
    var statistics: CorpusStatistics
    var matched: [(passage: Passage, analysis: Scorer.AnalyzedPassage)]
}

extension ScoreStage {
    /// Reads one passage file and matches its passages as they are decoded.
    fileprivate static func match(
        _ entry: TokenizeManifest.Entry, in input: URL, scorer: Scorer
    ) throws(StageError) -> MatchedDocument {
        var statistics = scorer.emptyStatistics()
        var matched: [(passage: Passage, analysis: Scorer.AnalyzedPassage)] = []
        var count = 0
        var forms = DocumentForms()
        // Passages come without tokens, as columns: scoring needs the text and the matches'
        // offsets, and each form is looked up once per document.
        let body = { (passage: Passage, columns: PassageTokenColumns, table: [(String, String)]) in
            let analysis = scorer.analyzed(passage, columns: columns, table: table, forms: &forms)
            scorer.record(analysis, document: entry.id, into: &statistics)
            if analysis.hasMatches { matched.append((passage, analysis)) }
            count += 1
        }
        let document = try PassageFiles.read(
            entry, in: input,
            restart: { (statistics, matched, count, forms) = (scorer.emptyStatistics(), [], 0, .init()) },
            eachPassage: body)
        let summary = DocumentSummary(
            id: document.id, source: document.source, sha256: document.sha256, format: document.format,
            metadata: document.metadata, pageCount: document.pageCount, passageCount: count,
            warnings: document.warnings)
        return MatchedDocument(summary: summary, statistics: statistics, matched: matched)
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
