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
    /// What the document's source depends on (its files' sizes and dates), cheap to get: the
    /// same fingerprint means the same text and original file. Nil: unknown, never reused.
    func fingerprint(for document: DocumentSummary) -> String?
}

extension QDASourceProvider {
    package func fingerprint(for document: DocumentSummary) -> String? { nil }
}

/// Where passages are in a document's text, in Unicode code points (end exclusive).
enum QDATextLocator {
    /// The span of each passage text in `text`, searched in the order given (the passages'
    /// order in the document) from the end of the previous one, then from the start when a
    /// passage comes earlier; nil for a passage the text does not contain. The search runs on
    /// the UTF-8 bytes in place (a match of valid UTF-8 always starts and ends on a character),
    /// and the byte offsets found are turned into code points in one walk over the text.
    static func spans(of passages: [String], in text: String) -> [Range<Int>?] {
        var text = text
        text.makeContiguousUTF8()
        let found: [Range<Int>?]? = text.utf8.withContiguousStorageIfAvailable { haystack in
            var cursor = 0
            var bytes: [Range<Int>?] = []
            for passage in passages {
                let needle = Array(passage.utf8)
                guard let start = find(needle, in: haystack, from: cursor) ?? find(needle, in: haystack, from: 0)
                else {
                    bytes.append(nil)
                    continue
                }
                cursor = start + needle.count
                bytes.append(start..<cursor)
            }
            let scalars = scalarOffsets(
                of: bytes.flatMap { $0.map { [$0.lowerBound, $0.upperBound] } ?? [] }, in: haystack)
            return bytes.map { $0.map { (scalars[$0.lowerBound] ?? 0)..<(scalars[$0.upperBound] ?? 0) } }
        }
        return found ?? passages.map { _ in nil }
    }

    /// The code-point offset of each byte offset in `offsets` (all on character boundaries).
    static func scalarOffsets(of offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var position = 0
        var scalars = 0
        for offset in Set(offsets).sorted() {
            while position < offset && position < bytes.count {
                if bytes[position] & 0xC0 != 0x80 { scalars += 1 }
                position += 1
            }
            result[offset] = scalars
        }
        return result
    }

    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
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
