import EnjeuxCommandLine
import EnjeuxEvidence
import EnjeuxExtraction
import EnjeuxModel
import EnjeuxSupport
import Foundation
import Synchronization

/// Stage 1: extracts every document of a corpus folder into `<output>/<id>.json`,
/// reusing the results of earlier runs for files that did not change.
package struct ExtractStage: Sendable {
    package var corpus: URL
    package var output: URL
    /// Child-process isolation; nil extracts in this process (for debugging and tests).
    package var isolation: IsolatedExtraction?
    package var jobs: Int
    /// Makes the reporter the stage tells how many documents it has done (the executable's
    /// progress bar; silent by default).
    package var progress: ProgressFactory = SilentProgress.factory
    /// When and how scanned PDF pages are read; a PDF extracted with other settings
    /// (`OCROptions.cacheKey`) is extracted again.
    package var ocr = OCROptions()
    /// Told after each page read by OCR: the document's path, pages done, pages to do.
    package var ocrPageDone: @Sendable (_ source: String, _ done: Int, _ total: Int) -> Void = { _, _, _ in }

    package init(corpus: URL, output: URL, isolation: IsolatedExtraction?, jobs: Int) {
        self.corpus = corpus
        self.output = output
        self.isolation = isolation
        self.jobs = max(1, jobs)
    }

    /// What a run did.
    package struct Outcome: Sendable {
        package var documents: Int
        package var extracted: Int
        package var reused: Int
        /// Failures of this run and failures carried over from unchanged files.
        package var failures: [FailureRecord]
        package var warnings: [(path: String, message: String)]
        /// Folders of the corpus that were not read (resources of saved web pages).
        package var ignoredFolders: [RunIgnoredFolder]
        /// Files of the corpus that were not read (other formats, hidden files, lock files).
        package var ignoredFiles: [RunIgnoredFile]
        /// Symbolic links that lead outside the corpus folder, followed.
        package var followedLinks: [RunFollowedLink]
        package var seconds: Double
        /// Pages read by OCR in this run (none when every scan was unchanged).
        package var ocrPages: Int = 0
    }

    private enum Plan: Sendable {
        case reuse(ExtractionManifest.Entry)
        case extract(CorpusFile, sha256: String, password: String?)
        case unreadable(CorpusFile, String)

        /// Bytes to extract: large files are started first.
        var cost: Int {
            if case .extract(let file, _, _) = self { return file.size }
            return 0
        }
    }

    package func run() throws(StageError) -> Outcome {
        let clock = Stopwatch()
        let listing = try CorpusScanner.scan(corpus)
        let files = listing.files
        if files.isEmpty {
            let unread = listing.ignoredFiles.isEmpty ? "" : " (\(listing.ignoredFiles.count) other files not read)"
            throw StageError(
                "no document (.pdf, .html, .mhtml, .docx, .odt, .txt, .md…) in the corpus folder \(corpus.path)\(unread)",
                status: .missingInput)
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw StageError("cannot create \(output.path): \(error.localizedDescription)", status: .cannotWrite)
        }
        let previous = ExtractionManifest.load(from: output).flatMap {
            $0.extractorVersion == ExtractOne.version ? $0 : nil
        }
        let known = Dictionary(
            (previous?.entries ?? []).map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        let passwords = PasswordBook.load(corpus: corpus)

        if let isolation {
            // Files whose size or date changed will most likely be extracted: start workers now.
            let likelyExtracted = files.count { file in
                guard let entry = known[file.relativePath] else { return true }
                return entry.size != file.size || entry.modifiedNanoseconds != file.modifiedNanoseconds
            }
            if likelyExtracted > 0 { isolation.prestart(min(jobs, likelyExtracted)) }
        }
        let plans: [Plan] = files.parallelMap(workers: jobs, costliestFirst: \.size) { file in
            plan(for: file, known: known[file.relativePath], password: passwords.password(for: file.relativePath))
        }
        let progress = self.progress("extract", plans.count)
        let ocrPages = OCRPageCounter()
        let entries: [ExtractionManifest.Entry] = plans.parallelMap(workers: jobs, costliestFirst: \.cost) { plan in
            let entry = execute(plan, ocrPages: ocrPages)
            progress.advance(by: 1)
            return entry
        }
        progress.finish()
        isolation?.shutdown()

        removeStaleOutputs(keeping: Set(entries.map(\.id)))
        var manifest = ExtractionManifest(
            extractorVersion: ExtractOne.version, corpus: corpus.path, entries: entries,
            ignoredFolders: listing.ignoredFolders, ignoredFiles: listing.ignoredFiles)
        manifest.followedLinks = listing.followedLinks
        do {
            try JSONCoding.write(manifest, to: ExtractionManifest.url(in: output), pretty: true)
        } catch {
            throw StageError("cannot write the manifest in \(output.path): \(error)", status: .cannotWrite)
        }

        var reused = 0
        for plan in plans { if case .reuse = plan { reused += 1 } }
        let failures = entries.compactMap(\.failure)
        let warnings = entries.flatMap { entry in entry.warnings.map { (path: entry.source, message: $0.message) } }
        return Outcome(
            documents: entries.count, extracted: entries.count - reused, reused: reused, failures: failures,
            warnings: warnings, ignoredFolders: listing.ignoredFolders, ignoredFiles: listing.ignoredFiles,
            followedLinks: listing.followedLinks,
            seconds: clock.seconds, ocrPages: ocrPages.count.load(ordering: .relaxed))
    }

    private func outputURL(id: String) -> URL { output.appendingPathComponent("\(id).json") }

    /// Reuses what an earlier run found for a file that did not change: its extracted
    /// document, or a failure that depends on the file's bytes alone
    /// (`ExtractionFailure.dependsOnlyOnBytes`), which is kept only while the file's SHA-256
    /// is the one recorded. A failure that depends on the settings or the machine (time or
    /// memory limit, a crash, a read or write error) is retried at every run.
    private func plan(for file: CorpusFile, known: ExtractionManifest.Entry?, password: String?) -> Plan {
        let digest = SHA256.hex(of: password ?? "")
        let reusable = { (entry: ExtractionManifest.Entry) in
            switch entry.status {
            case .failed: entry.failure?.failure?.dependsOnlyOnBytes == true && !entry.sha256.isEmpty
            case .extracted: FileManager.default.fileExists(atPath: outputURL(id: entry.id).path)
            }
        }
        let ocrKey = ocr.cacheKey
        if let known, known.status == .extracted, known.size == file.size,
            known.modifiedNanoseconds == file.modifiedNanoseconds, known.passwordDigest == digest,
            known.hasOCRSettings(ocrKey), reusable(known)
        {
            return .reuse(known)
        }
        let sha: String
        do {
            sha = try SHA256.hex(ofFileAt: file.url)
        } catch {
            return .unreadable(file, error.localizedDescription)
        }
        if var known, known.sha256 == sha, known.passwordDigest == digest, known.hasOCRSettings(ocrKey),
            reusable(known)
        {
            known.size = file.size
            known.modifiedNanoseconds = file.modifiedNanoseconds
            return .reuse(known)
        }
        return .extract(file, sha256: sha, password: password)
    }

    private func execute(_ plan: Plan, ocrPages: OCRPageCounter) -> ExtractionManifest.Entry {
        switch plan {
        case .reuse(let entry):
            return entry
        case .unreadable(let file, let detail):
            let error = DocumentError(path: file.relativePath, failure: .unreadable(detail: detail))
            return entry(for: file, sha256: "", password: nil, result: .failure(error))
        case .extract(let file, let sha, let password):
            let target = outputURL(id: file.id)
            let onPage = ocrPageDone
            if let isolation {
                let result = isolation.run(
                    file: file, sha256: sha, password: password, output: target, ocr: ocr,
                    onPage: { done, total in
                        ocrPages.count.add(1, ordering: .relaxed)
                        onPage(file.relativePath, done, total)
                    })
                return entry(for: file, sha256: sha, password: password, result: result)
            }
            let result = ExtractOne.write(
                url: file.url, relativePath: file.relativePath, password: password, ocr: ocr,
                pageProgress: { done, total in
                    ocrPages.count.add(1, ordering: .relaxed)
                    onPage(file.relativePath, done, total)
                }, to: target)
            return entry(for: file, sha256: sha, password: password, result: result)
        }
    }

    private func entry(
        for file: CorpusFile, sha256: String, password: String?, result: Result<WorkerResult, DocumentError>
    ) -> ExtractionManifest.Entry {
        let digest = SHA256.hex(of: password ?? "")
        switch result {
        case .success(let worker):
            return ExtractionManifest.Entry(
                source: file.relativePath, id: file.id, size: file.size, modifiedNanoseconds: file.modifiedNanoseconds,
                sha256: worker.sha256 ?? sha256, format: worker.format, status: .extracted, failure: nil,
                warnings: worker.warnings, pages: worker.pages, passwordDigest: digest, ocrSettings: ocr.cacheKey)
        case .failure(let error):
            try? FileManager.default.removeItem(at: outputURL(id: file.id))
            return ExtractionManifest.Entry(
                source: file.relativePath, id: file.id, size: file.size, modifiedNanoseconds: file.modifiedNanoseconds,
                sha256: sha256, format: nil, status: .failed, failure: FailureRecord(error), warnings: [], pages: 0,
                passwordDigest: digest, ocrSettings: ocr.cacheKey)
        }
    }

    /// Deletes extracted files of documents that left the corpus, and leftovers of killed runs.
    private func removeStaleOutputs(keeping ids: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: output.path) else { return }
        for name in names {
            let isLeftover = name.contains(".tmp-")
            let isStale =
                name.hasSuffix(".json") && name != ExtractionManifest.fileName
                && !ids.contains(String(name.dropLast(5)))
            if isLeftover || isStale {
                try? FileManager.default.removeItem(at: output.appendingPathComponent(name))
            }
        }
    }
}

/// Pages read by OCR in one run of the stage, counted from any thread.
final class OCRPageCounter: Sendable {
    let count = Atomic<Int>(0)
}
