import EnjeuxExtraction
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// One extraction job sent to a worker process, as a line of JSON on its stdin. `sha256` is
/// the batch's fingerprint of the file; the worker answers with the SHA-256 of the bytes it
/// actually read (`WorkerResult.sha256`), which the manifest keeps.
package struct WorkerRequest: Codable, Sendable, Hashable {
    package var input: String
    package var source: String
    package var sha256: String
    package var output: String
    package var password: String?
    /// OCR settings of the batch (the defaults when absent).
    package var ocr: OCROptions?

    package init(
        input: String, source: String, sha256: String, output: String, password: String?, ocr: OCROptions? = nil
    ) {
        self.input = input
        self.source = source
        self.sha256 = sha256
        self.output = output
        self.password = password
        self.ocr = ocr
    }
}

/// A line a worker writes before its answer, each time it has read a page by OCR (so that the
/// batch shows progress page by page) and every `PDFExtractor.progressInterval` pages of a long
/// PDF's text (`textPagesDone`, the OCR counts then 0): either allows the document more time.
package struct WorkerProgress: Codable, Sendable, Hashable {
    package var ocrPagesDone: Int
    package var ocrPages: Int
    package var textPagesDone: Int? = nil

    /// Worker answers start with `{"format"`, `{"failure"`…; progress lines with this.
    static let prefix = Array(#"{"ocr_pages""#.utf8)

    /// Writes the line to the worker's standard output.
    func write() {
        guard var line = try? JSONCoding.encode(self) else { return }
        line.append(0x0A)
        FileHandle.standardOutput.write(line)
    }
}

/// The worker side: extracts one requested document and writes its JSON file.
package enum WorkerJob {
    package static func perform(_ request: WorkerRequest) -> WorkerResult {
        let url = URL(fileURLWithPath: request.input)
        let progress: @Sendable (Int, Int) -> Void = { done, total in
            WorkerProgress(ocrPagesDone: done, ocrPages: total).write()
        }
        let textProgress: @Sendable (Int) -> Void = { done in
            WorkerProgress(ocrPagesDone: 0, ocrPages: 0, textPagesDone: done).write()
        }
        switch ExtractOne.write(
            url: url, relativePath: request.source, password: request.password, ocr: request.ocr ?? OCROptions(),
            pageProgress: progress, textProgress: textProgress, to: URL(fileURLWithPath: request.output))
        {
        case .success(let result):
            return result
        case .failure(let error):
            return WorkerResult(format: nil, pages: 0, warnings: [], failure: error.failure)
        }
    }

    /// Serves requests from stdin until it closes: one JSON line in, one JSON line out.
    package static func serve() {
        while let line = readLine(strippingNewline: true) {
            let result: WorkerResult
            if let request = try? JSONCoding.decode(WorkerRequest.self, from: Data(line.utf8)) {
                result = perform(request)
            } else {
                result = WorkerResult(
                    format: nil, pages: 0, warnings: [], failure: .crashed(detail: "malformed worker request"))
            }
            var data = (try? JSONCoding.encode(result)) ?? Data("{}".utf8)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        }
    }
}
