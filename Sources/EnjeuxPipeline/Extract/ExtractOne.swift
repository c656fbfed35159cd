import EnjeuxExtraction
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// Extracts one file in this process: reads it, detects its format, runs the extractor
/// and wraps the result with the document's identity.
///
/// The file is read once, into memory (not mapped, so that a writer cannot change the bytes
/// under the extractor), and the document records the SHA-256 and size of exactly those
/// bytes: a file changed while it is extracted gets the hash of the text it gave. A Word or
/// OpenDocument archive is opened a second time from its path; when the file no longer has the
/// hash of the bytes read first, the extraction fails as `unreadable` (retried at the next run).
package enum ExtractOne {
    /// Version of the extraction chain, recorded in the manifest; bump it when output changes.
    package static let version = "4"

    /// `pageProgress` is told after each page read by OCR (pages done, pages to do).
    package static func run(
        url: URL, relativePath: String, password: String?,
        ocr: OCROptions = OCROptions(), pageProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> Result<ExtractedDocument, DocumentError> {
        do throws(ExtractionFailure) {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw .unreadable(detail: error.localizedDescription)
            }
            let sha256 = SHA256.hex(of: data)
            let byteCount = data.count
            let (format, content) = try DocumentExtractor.extract(
                data: data, fileAt: url,
                options: ExtractionOptions(password: password, ocr: ocr, pageProgress: pageProgress))
            if format == .docx || format == .odt, (try? SHA256.hex(ofFileAt: url)) != sha256 {
                throw .unreadable(detail: "the file changed while it was being read")
            }
            var withWarnings = content
            let declared = (relativePath as NSString).pathExtension.lowercased()
            if let misnamed = misnamed(format, declared: declared) { withWarnings.warnings.insert(misnamed, at: 0) }
            return .success(
                ExtractedDocument(
                    id: DocumentID.make(relativePath: relativePath), source: relativePath, sha256: sha256,
                    byteCount: byteCount, format: format.documentFormat, content: withWarnings))
        } catch {
            return .failure(DocumentError(path: relativePath, failure: error))
        }
    }

    /// Files larger than this are fingerprinted by chunks and, when they hold a PDF or a web page
    /// in UTF-8, read from the disk by pieces instead of from memory (a 20,000-page PDF weighs
    /// 100 MB).
    static let inMemoryLimit = 64 << 20

    /// Extracts one file in this process straight into its extracted-document file at `output`,
    /// page by page (`ExtractedDocumentWriter`): the document is never held whole. The file
    /// holds the same bytes as `run`'s document written with `writeJSON(to:)`, and the result
    /// the SHA-256 of the bytes extracted. A file read from the disk (`Input`) is hashed before
    /// and after it is extracted: a change in between fails the document as `unreadable`.
    package static func write(
        url: URL, relativePath: String, password: String?, ocr: OCROptions = OCROptions(),
        pageProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        textProgress: (@Sendable (_ pagesDone: Int) -> Void)? = nil, to output: URL
    ) -> Result<WorkerResult, DocumentError> {
        do throws(ExtractionFailure) {
            let options = ExtractionOptions(
                password: password, ocr: ocr, pageProgress: pageProgress, textProgress: textProgress)
            let input = try Input(url: url)
            var writer: ExtractedDocumentWriter
            do {
                writer = try ExtractedDocumentWriter(
                    url: output, id: DocumentID.make(relativePath: relativePath), source: relativePath,
                    sha256: input.digest.sha256, byteCount: input.digest.byteCount)
            } catch {
                throw .unreadable(detail: "cannot write output: \(error)")
            }
            let format: FileFormat
            var warnings: [DocumentWarning]
            switch input.route {
            case .bytes(let data):
                (format, warnings) = try DocumentExtractor.extract(
                    data: data, fileAt: url, options: options, into: &writer)
            case .pdfFile(let head):
                format = .pdf
                warnings = try DocumentExtractor.extractPDF(fileAt: url, head: head, options: options, into: &writer)
            case .htmlFile:
                format = .html
                warnings = try DocumentExtractor.extractHTML(fileAt: url, into: &writer)
            }
            if input.readFromDisk || format == .docx || format == .odt,
                (try? FileDigest(fileAt: url))?.sha256 != input.digest.sha256
            {
                throw .unreadable(detail: "the file changed while it was being read")
            }
            let declared = (relativePath as NSString).pathExtension.lowercased()
            if let misnamed = misnamed(format, declared: declared) { warnings.insert(misnamed, at: 0) }
            do {
                try writer.finish(warnings: warnings)
            } catch {
                throw .unreadable(detail: "cannot write output: \(error)")
            }
            return .success(
                WorkerResult(
                    format: format.documentFormat, pages: writer.pageCount, warnings: warnings, failure: nil,
                    sha256: input.digest.sha256))
        } catch {
            return .failure(DocumentError(path: relativePath, failure: error))
        }
    }

    /// What is read of the file before extracting it: its bytes, or, beyond `inMemoryLimit`,
    /// only its first megabyte for a PDF (poppler reads the rest from the disk) or a web page in
    /// UTF-8 (read by pieces), which are hashed by chunks.
    private struct Input {
        enum Route {
            case bytes(Data)
            case pdfFile(head: Data)
            case htmlFile
        }

        var route: Route
        var digest: FileDigest

        /// True when the extractor reads the file again after it was hashed.
        var readFromDisk: Bool {
            if case .bytes = route { return false }
            return true
        }

        init(url: URL) throws(ExtractionFailure) {
            do {
                var status = stat()
                if stat(url.path, &status) == 0, Int(status.st_size) > ExtractOne.inMemoryLimit {
                    let head = try FileDigest.head(ofFileAt: url, count: 1 << 20)
                    if FormatSniffer.hasPDFHeader(head) {
                        route = .pdfFile(head: head)
                        digest = try FileDigest(fileAt: url)
                        return
                    }
                    if (try? FormatSniffer.detect(head, fileExtension: url.pathExtension)) == .html,
                        HTMLStreamExtractor.canStream(head: head)
                    {
                        route = .htmlFile
                        digest = try FileDigest(fileAt: url)
                        return
                    }
                }
                let bytes = try Data(contentsOf: url)
                route = .bytes(bytes)
                digest = FileDigest(sha256: SHA256.hex(of: bytes), byteCount: bytes.count)
            } catch let error as FileReadError {
                throw .unreadable(detail: error.reason)
            } catch {
                throw .unreadable(detail: error.localizedDescription)
            }
        }
    }

    /// The warning for a file whose extension names another format than its bytes hold.
    private static func misnamed(_ format: FileFormat, declared: String) -> DocumentWarning? {
        let named = FileFormat(fileExtension: declared)
        if format != named, !(format == .odt && named == .flatODT), !(format == .flatODT && named == .odt) {
            return .misnamed(fileExtension: declared, contains: format.rawValue)
        }
        return nil
    }
}
