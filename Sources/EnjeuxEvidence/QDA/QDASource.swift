import EnjeuxModel
import Foundation

/// A document's text as a REFI-QDA source holds it, and its original file.
package struct QDASourceDocument: Sendable {
    /// The extracted plain text: LF line endings, no byte-order mark. Every passage of the
    /// document is a substring of it.
    package var text: QDASourceText
    /// The corpus file, put beside the text for a PDF source; nil when it cannot be read.
    package var original: URL?

    package init(text: QDASourceText, original: URL?) {
        self.text = text
        self.original = original
    }

    package init(text: String, original: URL?) {
        self.init(text: QDASourceText(text), original: original)
    }
}

/// Why a document's text could not be had for the project.
package struct QDASourceError: Error, Sendable, Hashable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { "\(path): \(reason)" }
}

/// Gives the plain text and the original file of each document (the pipeline reads them from
/// the extraction folder and the corpus).
package protocol QDASourceProvider: Sendable {
    func source(for document: DocumentSummary) throws(QDASourceError) -> QDASourceDocument
    /// What the document's source depends on (its files' sizes and dates), cheap to get: the
    /// same fingerprint means the same text and original file. Nil: unknown, never reused.
    func fingerprint(for document: DocumentSummary) -> String?
}

extension QDASourceProvider {
    package func fingerprint(for document: DocumentSummary) -> String? { nil }
}
