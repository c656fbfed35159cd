import EnjeuxModel
import Foundation

/// A document's text as a REFI-QDA source holds it, and its original file.
package struct QDASourceDocument: Sendable, Hashable {
    /// The extracted plain text: LF line endings, no byte-order mark. Every passage of the
    /// document is a substring of it.
    package var text: String
    /// The corpus file, put beside the text for a PDF source; nil when it cannot be read.
    package var original: URL?

    package init(text: String, original: URL?) {
        self.text = text
        self.original = original
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
}

/// Where passages are in a document's text, in Unicode code points (end exclusive).
enum QDATextLocator {
    /// The span of each passage text in `text`, searched in the order given (the passages'
    /// order in the document) from the end of the previous one, then from the start when a
    /// passage comes earlier; nil for a passage the text does not contain.
    static func spans(of passages: [String], in text: String) -> [Range<Int>?] {
        let scalars = Array(text.unicodeScalars)
        var cursor = 0
        return passages.map { passage in
            let needle = Array(passage.unicodeScalars)
            guard let found = find(needle, in: scalars, from: cursor) ?? find(needle, in: scalars, from: 0) else {
                return nil
            }
            cursor = found + needle.count
            return found..<(found + needle.count)
        }
    }

    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var position = start
        let last = haystack.count - needle.count
        while position <= last {
            if haystack[position] == first {
                var index = 1
                while index < needle.count && haystack[position + index] == needle[index] { index += 1 }
                if index == needle.count { return position }
            }
            position += 1
        }
        return nil
    }
}
