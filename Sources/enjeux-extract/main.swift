import ArgumentParser
import EnjeuxCommandLine
import EnjeuxEvidence
import EnjeuxExtraction
import EnjeuxPipeline
import EnjeuxSupport
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enjeux-extract",
        abstract:
            "Extract the text of every PDF, HTML, MHTML, Word, OpenDocument, text and Markdown document of a corpus folder.",
        discussion: """
            Writes one JSON file per document into the output folder, plus manifest.json. \
            Unchanged files (same size and time, or same SHA-256) are not extracted again. \
            Each document is extracted in a child process with a time and memory limit, so \
            a broken or hostile file is reported and the batch goes on. Passwords for \
            encrypted PDFs go in passwords.tsv at the top of the corpus (path TAB password). \
            The resource folder of a page saved with "Save page as… complete" (page_files \
            beside page.html) is not read, and is reported; so are files of other formats, hidden \
            files and word processors' lock files.

            Scanned PDF pages, and pages whose text layer is unusable (garbled characters, or \
            too few French or English words), are rendered and read by Tesseract (--ocr auto); \
            each page records whether its text came from the PDF or from OCR, with OCR's mean \
            confidence. Changing an OCR setting extracts the PDFs again; nothing else does.

            Exit status: 0 all documents extracted; 3 one or more documents failed (the others \
            were extracted); 64 usage error; 66 corpus missing or empty; 73 cannot write; \
            75 another run is writing the same output folder.

            Example:
              enjeux-extract Corpus --out .enjeux/Corpus/extracted
              enjeux-extract --print "Corpus/Rapport d'évaluation Lean 2016.pdf"
              enjeux-extract Corpus --out .enjeux/Corpus/extracted --ocr always --ocr-resolution 400
            """)

    @Argument(
        help:
            "The corpus folder (searched recursively for .pdf, .html, .htm, .xhtml, .mhtml, .mht, .docx, .docm, .odt, .fodt, .txt, .md and .markdown files)."
    )
    var corpus: String?

    @Option(name: .long, help: "Output folder for the extracted JSON files.")
    var out: String?

    @Option(
        name: .customLong("print"),
        help: "Print one file's extracted text (blocks separated by a blank line, pages by a form feed) and exit.")
    var printFile: String?

    @Option(help: "Password for --print of an encrypted PDF.")
    var password: String?

    @Option(help: "Documents extracted at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Seconds allowed per document before it is stopped and reported.")
    var timeout: Double = 120

    @Option(name: .customLong("memory-limit"), help: "Megabytes of address space allowed per document.")
    var memoryLimit: Int = 4096

    @Option(
        help:
            "When PDF pages are read by OCR: never, auto (pages without a usable text layer) or always (every page).")
    var ocr: String = OCRMode.auto.rawValue

    @Option(name: .customLong("ocr-resolution"), help: "Pixels per inch pages are rendered at for OCR.")
    var ocrResolution: Int = OCROptions.defaultResolution

    @Option(name: .customLong("ocr-languages"), help: "Tesseract's languages, joined by + (the first is the main one).")
    var ocrLanguages: String = OCROptions.defaultLanguages

    @Option(
        name: .customLong("ocr-page-timeout"),
        help:
            "Processor seconds allowed per page read by OCR (the text found by then is kept); each page done gives the document this much more time."
    )
    var ocrPageTimeout: Double = OCROptions.defaultPageTimeLimit

    @Flag(name: .customLong("no-isolation"), help: "Extract in this process instead of one child process per document.")
    var noIsolation = false

    // Worker mode, used by the batch itself.
    @Flag(name: .customLong("serve"), help: .hidden) var serve = false

    func validate() throws {
        if printFile == nil && !serve {
            guard corpus != nil else { throw ValidationError("missing the corpus folder") }
            guard out != nil else { throw ValidationError("missing --out FOLDER") }
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard jobs > 0 else { throw ValidationError("--jobs must be positive") }
        guard OCRMode(rawValue: ocr) != nil else {
            throw ValidationError("--ocr must be never, auto or always (got \"\(ocr)\")")
        }
        guard (50...1200).contains(ocrResolution) else {
            throw ValidationError("--ocr-resolution must be between 50 and 1200 pixels per inch")
        }
        guard ocrPageTimeout > 0 else { throw ValidationError("--ocr-page-timeout must be positive") }
        guard !ocrLanguages.isEmpty, ocrLanguages.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "_" }) else {
            throw ValidationError("--ocr-languages must be Tesseract language names joined by + (fra+eng)")
        }
    }

    /// The OCR settings of the options; pages are read on every core the batch uses.
    var ocrOptions: OCROptions {
        OCROptions(
            mode: OCRMode(rawValue: ocr) ?? .auto, resolution: ocrResolution, languages: ocrLanguages,
            pageTimeLimit: ocrPageTimeout, threads: jobs)
    }

    func run() throws {
        let console = Console(program: "enjeux-extract")
        if serve {
            MemoryLimit.apply(megabytes: memoryLimit)
            WorkerJob.serve()
            return
        }
        if let printFile {
            printDocument(printFile, console: console)
        }
        guard let corpus, let out else { return }
        // A worker that dies must not take the batch down with a SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // A missing corpus is reported before anything is written (the lock creates the output folder).
        if FileManager.default.fileExists(atPath: corpus) {
            RunLock.acquireOrExit(
                URL(fileURLWithPath: out).appendingPathComponent(RunLock.fileName), what: out, console: console)
        }
        var stage = ExtractStage(
            corpus: URL(fileURLWithPath: corpus), output: URL(fileURLWithPath: out),
            isolation: noIsolation
                ? nil
                : IsolatedExtraction(
                    executable: currentExecutable(), timeoutSeconds: timeout, memoryLimitMegabytes: memoryLimit),
            jobs: jobs)
        stage.progress = ProgressBar.factory
        stage.ocr = ocrOptions
        stage.ocrPageDone = { source, done, total in
            console.info("OCR \(source): page \(done)/\(total)")
        }
        // Which corpus the work folder holds, and from when (read by enjeux-lexicon).
        let record = WorkRecord(corpus: URL(fileURLWithPath: corpus))
        let outcome: ExtractStage.Outcome
        do {
            outcome = try stage.run()
        } catch {
            console.fail(error)
        }
        for warning in outcome.warnings { console.warning("\(warning.path): \(warning.message)") }
        for failure in outcome.failures { console.error("\(failure.path): \(failure.reason)") }
        for folder in outcome.ignoredFolders {
            let files = folder.files == 1 ? "1 file" : "\(folder.files) files"
            console.info("\(folder.path)/: ignored, resources of the saved web page \(folder.page) (\(files))")
        }
        for link in outcome.followedLinks.prefix(20) { console.info(link.consoleLine) }
        for file in outcome.ignoredFiles.prefix(20) { console.info(file.consoleLine) }
        if outcome.ignoredFiles.count > 20 {
            console.info("… and \(outcome.ignoredFiles.count - 20) more files not read (listed in manifest.json)")
        }
        let work = URL(fileURLWithPath: out).deletingLastPathComponent()
        try? record.write(work: work)
        try? StageStats(
            stage: "extract", seconds: outcome.seconds, processed: outcome.extracted, reused: outcome.reused,
            failed: outcome.failures.count
        ).write(work: work)
        let what =
            outcome.extracted == 0
            ? "nothing changed, no extraction work"
            : "\(outcome.extracted) processed, \(outcome.reused) unchanged"
        let ocrPages =
            outcome.ocrPages == 1
            ? ", 1 page read by OCR" : outcome.ocrPages > 1 ? ", \(outcome.ocrPages) pages read by OCR" : ""
        console.info(
            "\(outcome.documents) documents (\(what)\(ocrPages)), \(outcome.failures.count) failed, \(formatSeconds(outcome.seconds))"
        )
        if !outcome.failures.isEmpty { console.exit(.documentsFailed) }
    }

    private func printDocument(_ path: String, console: Console) -> Never {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            console.fail(StageError("no such file: \(path)", status: .missingInput))
        }
        let result = ExtractOne.run(
            url: url, relativePath: path, password: password, ocr: ocrOptions,
            pageProgress: { done, total in console.info("OCR \(path): page \(done)/\(total)") })
        switch result {
        case .success(let document):
            for warning in document.warnings { console.warning("\(path): \(warning.message)") }
            FileHandle.standardOutput.write(Data(document.plainText.utf8))
            FileHandle.standardOutput.write(Data("\n".utf8))
            console.exit(.success)
        case .failure(let error):
            console.error(error.description)
            console.exit(.documentsFailed)
        }
    }
}

/// Tesseract's recognition asks OpenMP for a team of threads for each text line (`num_threads`
/// clauses, which `omp_set_num_threads` does not override); only `OMP_THREAD_LIMIT`, read when the
/// OpenMP library loads, caps it. Pages and documents already run on every core, where those
/// teams only spin against each other (row 8 of docs/benchmarks.md: the tesseract command, two
/// at a time on two cores, used 5.6 times the processor time without the limit). So the program
/// starts itself again, once, with the limit set; its isolated workers inherit it. A limit the
/// user set is kept.
func restartWithOneOpenMPThread() {
    guard getenv("OMP_THREAD_LIMIT") == nil else { return }
    setenv("OMP_THREAD_LIMIT", "1", 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
    // exec failed (no /proc): go on with OpenMP's default teams.
}

restartWithOneOpenMPThread()
ExtractCommand.main()
