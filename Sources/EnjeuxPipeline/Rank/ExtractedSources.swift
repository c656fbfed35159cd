import EnjeuxEvidence
import EnjeuxModel
import EnjeuxText
import Foundation

/// The documents' texts for the REFI-QDA project, read from the extraction folder
/// (`extracted/<id>.json`), and their original files in the corpus folder.
struct ExtractedSources: QDASourceProvider {
    var extracted: URL
    var corpus: URL?

    func source(for document: DocumentSummary) throws(QDASourceError) -> QDASourceDocument {
        let url = extracted.appendingPathComponent("\(document.id).json")
        let text = QDASourceText()
        do {
            // Block by block, into memory or a temporary file: memory holds one block.
            try ReadingText.write(jsonFile: url) { text.append($0) }
        } catch {
            throw QDASourceError(path: url.path, reason: "cannot read the extracted text (\(error))")
        }
        return QDASourceDocument(text: text, original: corpus?.appendingPathComponent(document.source))
    }

    /// The document's hash, and the size and modification time of its extracted text and of
    /// its corpus file (a PDF's original goes into the project as it is).
    func fingerprint(for document: DocumentSummary) -> String? {
        let extractedFile = extracted.appendingPathComponent("\(document.id).json")
        guard let text = Self.stamp(extractedFile.path) else { return nil }
        let original = corpus.flatMap { Self.stamp($0.appendingPathComponent(document.source).path) } ?? "none"
        return "\(document.sha256) \(text) \(original)"
    }

    /// Size and modification time (nanoseconds) of the file at `path`, nil when it cannot be read.
    private static func stamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
