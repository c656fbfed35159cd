import EnjeuxCore
import EnjeuxLexicon
import Foundation

/// Stage 3: scores every passage against the lexicon for every issue (`<output>`, a
/// `scores.json` file). Reruns only when the lexicon or a document changed.
public struct ScoreStage: Sendable {
    public var input: URL
    public var lexicon: URL
    public var output: URL

    public init(input: URL, lexicon: URL, output: URL) {
        self.input = input
        self.lexicon = lexicon
        self.output = output
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

        // Two streamed passes, passage by passage, so that memory does not grow with the
        // corpus: the first gathers the corpus statistics, the second scores with them.
        let scorer = Scorer(lexicon: parsed)
        var statistics = scorer.emptyStatistics()
        var summaries: [DocumentSummary] = []
        for entry in manifest.entries {
            var count = 0
            let document = try readDocument(entry) { passage in
                scorer.record(passage, document: entry.id, into: &statistics)
                count += 1
            }
            summaries.append(
                DocumentSummary(
                    id: document.id, source: document.source, sha256: document.sha256, format: document.format,
                    metadata: document.metadata, pageCount: document.pageCount, passageCount: count,
                    warnings: document.warnings))
        }
        var scored: [ScoredPassage] = []
        for (entry, summary) in zip(manifest.entries, summaries) {
            _ = try readDocument(entry) { passage in
                let scores = scorer.score(passage: passage, document: summary.id, statistics: statistics)
                if !scores.isEmpty {
                    scored.append(ScoredPassage(documentId: summary.id, passage: passage, scores: scores))
                }
            }
        }
        let set = ScoreSet(
            lexicon: LexiconInfo(
                path: lexicon.path, sha256: lexiconSHA, name: parsed.name, version: parsed.version),
            categories: parsed.categories.map { CategoryInfo(id: $0.id, label: $0.label, description: $0.description) },
            documents: summaries, passages: scored)
        do {
            try ScoreSetCodec.write(set, to: output)
            try AtomicFile.write(fingerprint, to: fingerprintURL)
        } catch {
            throw StageError("cannot write \(output.path): \(error)", status: .cannotWrite)
        }
        return Outcome(
            documents: summaries.count, passages: passageCount, scored: scored.count, reused: false,
            warnings: warnings, seconds: clock.seconds)
    }
}

extension ScoreStage {
    /// Reads a passage file, handing over its passages one by one; returns the rest of the document.
    fileprivate func readDocument(
        _ entry: TokenizeManifest.Entry, eachPassage body: (Passage) -> Void
    ) throws(StageError) -> TokenizedDocument {
        do {
            return try TokenizedDocumentCodec.read(
                from: input.appendingPathComponent("\(entry.id).json"), eachPassage: body)
        } catch {
            throw StageError("cannot read the passages of \(entry.source): \(error)", status: .invalidInput)
        }
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
