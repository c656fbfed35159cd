import EnjeuxExtraction
import EnjeuxModel
import Foundation
import Synchronization

/// Extracts documents in child processes (`enjeux-extract --serve`), so that a document
/// that crashes, hangs or eats memory is reported with its reason and the batch goes on.
///
/// Workers are kept between documents; one that crashes or is stopped after the time
/// limit is replaced by a fresh one for the next document.
package struct IsolatedExtraction: Sendable {
    /// The `enjeux-extract` executable to start in worker mode.
    package var executable: URL
    package var timeoutSeconds: Double
    package var memoryLimitMegabytes: Int
    private let idle = WorkerPool()

    package init(executable: URL, timeoutSeconds: Double, memoryLimitMegabytes: Int) {
        self.executable = executable
        self.timeoutSeconds = timeoutSeconds
        self.memoryLimitMegabytes = memoryLimitMegabytes
    }

    /// Extracts `file` into `output`; returns the worker's result or the failure. Each page the
    /// worker reads by OCR goes to `onPage` (pages done, pages to do); it, and each run of
    /// `PDFExtractor.progressInterval` pages of a long PDF's text, gives the document one more
    /// page time limit (`ocr.pageTimeLimit`) from then, so that a long scan or a PDF of
    /// thousands of pages is not stopped while its pages keep coming. A document stuck on one
    /// page still stops at the timeout.
    package func run(
        file: CorpusFile, sha256: String, password: String?, output: URL, ocr: OCROptions = OCROptions(),
        onPage: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) -> Result<WorkerResult, DocumentError> {
        func fail(_ failure: ExtractionFailure) -> Result<WorkerResult, DocumentError> {
            .failure(DocumentError(path: file.relativePath, failure: failure))
        }
        let worker: WorkerProcess
        if let reused = idle.take() {
            worker = reused
        } else {
            do {
                worker = try WorkerProcess(executable: executable, memoryLimitMegabytes: memoryLimitMegabytes)
            } catch {
                return fail(.crashed(detail: "cannot start the extraction worker: \(error.localizedDescription)"))
            }
        }
        let request = WorkerRequest(
            input: file.url.path, source: file.relativePath, sha256: sha256, output: output.path, password: password,
            ocr: ocr)
        let pageAllowance = ocr.pageTimeLimit + 5
        switch worker.extract(
            request, timeout: timeoutSeconds, extension: pageAllowance,
            onProgress: {
                if $0.ocrPages > 0 { onPage($0.ocrPagesDone, $0.ocrPages) }
            })
        {
        case .result(let result):
            idle.give(worker)
            if let failure = result.failure { return fail(failure) }
            return .success(result)
        case .timedOut:
            worker.kill()
            try? FileManager.default.removeItem(at: output)
            return fail(.timedOut(seconds: timeoutSeconds))
        case .ended(let signal, let status):
            try? FileManager.default.removeItem(at: output)
            guard let signal else {
                return fail(.crashed(detail: "the worker exited with status \(status)"))
            }
            // Under the address-space limit, allocation failures end in an abort or a trap.
            if signal == SIGABRT || signal == SIGTRAP || signal == SIGILL {
                return fail(
                    .crashed(
                        detail:
                            "signal \(signal)\(Self.signalName(signal)); it may have hit the \(memoryLimitMegabytes) MB memory limit"
                    ))
            }
            return fail(.crashed(detail: "signal \(signal)\(Self.signalName(signal))"))
        }
    }

    /// Starts up to `count` workers ahead of time, so that their start-up overlaps the
    /// planning (fingerprints of the files) instead of delaying the first documents.
    package func prestart(_ count: Int) {
        for _ in 0..<count {
            guard let worker = try? WorkerProcess(executable: executable, memoryLimitMegabytes: memoryLimitMegabytes)
            else { return }
            idle.give(worker)
        }
    }

    /// Ends the idle workers; call once the batch is done.
    package func shutdown() {
        var closed: [WorkerProcess] = []
        while let worker = idle.take() {
            worker.close()
            closed.append(worker)
        }
        // Closed together, the workers exit side by side.
        for worker in closed { worker.waitForEnd() }
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: " (segmentation fault)"
        case SIGABRT: " (abort)"
        case SIGBUS: " (bus error)"
        case SIGILL, SIGTRAP: " (runtime trap)"
        case SIGFPE: " (arithmetic error)"
        case SIGKILL: " (killed)"
        default: ""
        }
    }
}

/// Idle workers waiting for the next document.
final class WorkerPool: Sendable {
    private let workers = Mutex<[WorkerProcess]>([])

    func take() -> WorkerProcess? { workers.withLock { $0.popLast() } }
    func give(_ worker: WorkerProcess) { workers.withLock { $0.append(worker) } }
}
