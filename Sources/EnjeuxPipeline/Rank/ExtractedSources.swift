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
        let content: ExtractedDocument
        do {
            content = try ExtractedDocument(jsonFile: url)
        } catch {
            throw QDASourceError(path: url.path, reason: "cannot read the extracted text (\(error))")
        }
        return QDASourceDocument(
            text: ReadingText.text(of: content), original: corpus?.appendingPathComponent(document.source))
    }
}
