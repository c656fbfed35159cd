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
    /// Makes the reporter the stage tells how many documents it has done (the executable's
    /// progress bar; silent by default).
    package var progress: ProgressFactory = SilentProgress.factory
    /// Documents with at least this many passages are matched on every core, by batches.
    package var longDocumentPassages = 4096
    /// Documents with at least this many passages keep their matched texts in a temporary file
    /// between the two passes (`SpilledTexts`).
    package var spilledPassages = ScoreStage.defaultSpilledPassages

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
            passages: input, manifest: manifest, scorer: scorer, jobs: jobs, progress: progress,
            longDocumentPassages: longDocumentPassages, spilledPassages: spilledPassages
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
                Result { () throws(FileReadError) in
                    let passages = try Self.secondPass(
                        documents[item.document], piece: item.piece, scorer: scorer, statistics: statistics)
                    return (count: passages.count, bytes: ScoreSetStreamWriter.encodeList(passages))
                }
            } consumingInOrder: { result in
                let encoded = try result.mapError(Self.spillFailure).get()
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
}
