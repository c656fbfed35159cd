import EnjeuxCommandLine
import EnjeuxModel
import EnjeuxSupport
import EnjeuxText
import Foundation

/// What `enjeux-tokenize` knows of each document from earlier runs (`<output>/manifest.json`).
package struct TokenizeManifest: Codable, Sendable, Hashable {
    package static let fileName = "manifest.json"

    package struct Entry: Codable, Sendable, Hashable {
        package var id: String
        package var source: String
        package var sha256: String
        package var passages: Int
        package var pages: Int
        /// The OCR settings the extracted PDF was made with (`ExtractionManifest.Entry.ocrSettings`):
        /// the same file extracted with other settings has another text.
        package var ocrSettings: String? = nil
    }

    /// Analyzer version and passage options: a change re-tokenizes everything.
    package var settings: String
    package var entries: [Entry]

    package static func load(from folder: URL) -> TokenizeManifest? {
        try? JSONCoding.read(TokenizeManifest.self, from: folder.appendingPathComponent(fileName))
    }
}

/// Stage 2: turns each extracted document into passages with tokens (`<output>/<id>.json`).
package struct TokenizeStage: Sendable {
    package var input: URL
    package var output: URL
    package var passageOptions: PassageOptions
    package var jobs: Int
    /// Makes the reporter the stage tells how many documents it has done (the executable's
    /// progress bar; silent by default).
    package var progress: ProgressFactory = SilentProgress.factory

    package init(input: URL, output: URL, passageOptions: PassageOptions, jobs: Int) {
        self.input = input
        self.output = output
        self.passageOptions = passageOptions
        self.jobs = max(1, jobs)
    }

    package struct Outcome: Sendable {
        package var documents: Int
        package var tokenized: Int
        package var reused: Int
        package var passages: Int
        package var seconds: Double
    }

    private var settings: String {
        "analyzer \(FrenchAnalyzer.version); max words \(passageOptions.maxWords); schema \(TokenizedDocument.currentSchema)"
            + "; columns \(String(decoding: TokenColumnsFile.magic, as: UTF8.self))"
    }

    package func run() throws(StageError) -> Outcome {
        let clock = Stopwatch()
        guard let extraction = ExtractionManifest.load(from: input) else {
            throw StageError(
                "no extraction manifest in \(input.path): run enjeux-extract first", status: .missingInput)
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw StageError("cannot create \(output.path): \(error.localizedDescription)", status: .cannotWrite)
        }
        let previous = TokenizeManifest.load(from: output).flatMap { $0.settings == settings ? $0 : nil }
        let known = Dictionary((previous?.entries ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let documents = extraction.entries.filter { $0.status == .extracted }
        let builder = PassageBuilder(analyzer: FrenchAnalyzer(), options: passageOptions)

        let progress = self.progress("tokenize", documents.count)
        defer { progress.finish() }
        let results: [Result<(TokenizeManifest.Entry, Bool), StageError>] = documents.parallelMap(workers: jobs) {
            document in
            defer { progress.advance(by: 1) }
            let target = output.appendingPathComponent("\(document.id).json")
            // A file of an older schema, truncated or damaged is rebuilt rather than reused.
            if let old = known[document.id], old.sha256 == document.sha256, old.ocrSettings == document.ocrSettings,
                TokenizedDocument.fileLooksCurrent(at: target, analyzer: FrenchAnalyzer.version)
            {
                return .success((old, true))
            }
            do {
                let written = try Self.tokenize(
                    input.appendingPathComponent("\(document.id).json"), builder: builder, into: target,
                    columns: output.appendingPathComponent("\(document.id).\(TokenColumnsFile.fileExtension)"))
                let entry = TokenizeManifest.Entry(
                    id: written.id, source: written.source, sha256: written.sha256, passages: written.passages,
                    pages: written.pageCount, ocrSettings: document.ocrSettings)
                return .success((entry, false))
            } catch let error as FileWriteError {
                // A full disk or a read-only folder: the input was fine, the output could not be written.
                return .failure(
                    StageError("cannot write the passages of \(document.source): \(error)", status: .cannotWrite))
            } catch {
                return .failure(StageError("cannot tokenize \(document.source): \(error)", status: .invalidInput))
            }
        }
        var entries: [TokenizeManifest.Entry] = []
        var reused = 0
        for result in results {
            switch result {
            case .success(let (entry, wasReused)):
                entries.append(entry)
                if wasReused { reused += 1 }
            case .failure(let error):
                throw error
            }
        }
        removeStale(keeping: Set(entries.map(\.id)))
        do {
            try JSONCoding.write(
                TokenizeManifest(settings: settings, entries: entries),
                to: output.appendingPathComponent(TokenizeManifest.fileName), pretty: true)
        } catch {
            throw StageError("cannot write the manifest in \(output.path): \(error)", status: .cannotWrite)
        }
        return Outcome(
            documents: entries.count, tokenized: entries.count - reused, reused: reused,
            passages: entries.reduce(0) { $0 + $1.passages }, seconds: clock.seconds)
    }

    /// Reads one extracted document block by block and writes its passage file and columns
    /// file passage by passage: memory holds one block and the document's forms table, never
    /// the whole text nor every token (a 20,000-page PDF, a 200 MB web page).
    private static func tokenize(
        _ url: URL, builder: PassageBuilder, into target: URL, columns: URL
    ) throws -> (id: String, source: String, sha256: String, passages: Int, pageCount: Int) {
        let outline = try ExtractedDocument.outline(jsonFile: url)
        let writer = TokenizedDocumentWriter()
        var passages = PassageStream(builder: builder, sha256: outline.sha256)
        try ExtractedDocument.readBlocks(jsonFile: url, outline: outline) { page, position, block in
            passages.add(block, position: position, page: page) { writer.append($0) }
        }
        passages.finish { writer.append($0) }
        let header = TokenizedDocument(
            id: outline.id, source: outline.source, sha256: outline.sha256, format: outline.format,
            metadata: outline.metadata, pageCount: outline.pages.count, analyzer: FrenchAnalyzer.version,
            passages: [], warnings: outline.warnings, ocrPages: OCRPageConfidence.pages(of: outline))
        try writer.writeJSON(header, to: target)
        // The binary copy the scorer and the lexicon tools read (a cache: without it they
        // read the JSON file).
        try? writer.writeColumns(header, to: columns)
        return (outline.id, outline.source, outline.sha256, writer.passageCount, outline.pages.count)
    }

    private func removeStale(keeping ids: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: output.path) else { return }
        for name in names where name != TokenizeManifest.fileName {
            let columns = ".\(TokenColumnsFile.fileExtension)"
            let isStale =
                (name.hasSuffix(".json") && !ids.contains(String(name.dropLast(5))))
                || (name.hasSuffix(columns) && !ids.contains(String(name.dropLast(columns.count))))
            if name.contains(".tmp-") || isStale {
                try? FileManager.default.removeItem(at: output.appendingPathComponent(name))
            }
        }
    }
}
