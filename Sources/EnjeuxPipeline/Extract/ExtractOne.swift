import EnjeuxExtraction
import EnjeuxModel
import Foundation

/// Extracts one file in this process: reads it, detects its format, runs the extractor
/// and wraps the result with the document's identity.
package enum ExtractOne {
    /// Version of the extraction chain, recorded in the manifest; bump it when output changes.
    package static let version = "4"

    package static func run(
        url: URL, relativePath: String, sha256: String, byteCount: Int, password: String?
    ) -> Result<ExtractedDocument, DocumentError> {
        do throws(ExtractionFailure) {
            let (format, content) = try DocumentExtractor.extract(
                fileAt: url, options: ExtractionOptions(password: password))
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

    /// Extracts one file in this process straight into its extracted-document file at `output`,
    /// page by page (`ExtractedDocumentWriter`): the document is never held whole. The file
    /// holds the same bytes as `run`'s document written with `writeJSON(to:)`.
    package static func write(
        url: URL, relativePath: String, sha256: String, byteCount: Int, password: String?, to output: URL
    ) -> Result<WorkerResult, DocumentError> {
        func failure(_ failure: ExtractionFailure) -> Result<WorkerResult, DocumentError> {
            .failure(DocumentError(path: relativePath, failure: failure))
        }
        var writer: ExtractedDocumentWriter
        do {
            writer = try ExtractedDocumentWriter(
                url: output, id: DocumentID.make(relativePath: relativePath), source: relativePath, sha256: sha256,
                byteCount: byteCount)
        } catch {
            return failure(.unreadable(detail: "cannot write output: \(error)"))
        }
        do throws(ExtractionFailure) {
            let (format, found) = try DocumentExtractor.extract(
                fileAt: url, options: ExtractionOptions(password: password), into: &writer)
            var warnings = found
            let declared = (relativePath as NSString).pathExtension.lowercased()
            if let misnamed = misnamed(format, declared: declared) { warnings.insert(misnamed, at: 0) }
            do {
                try writer.finish(warnings: warnings)
            } catch {
                return failure(.unreadable(detail: "cannot write output: \(error)"))
            }
            return .success(
                WorkerResult(format: format.documentFormat, pages: writer.pageCount, warnings: warnings, failure: nil))
        } catch {
            return failure(error)
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
