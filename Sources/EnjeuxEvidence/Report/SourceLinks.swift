import Foundation

/// How `index.html` links a passage to its source document: a relative URL from the
/// Evidence folder to the corpus folder, then the document's path, percent-encoded, and
/// `#page=N` for a PDF.
package struct SourceLinks: Sendable, Hashable {
    /// Relative path from the Evidence folder to the corpus folder, `/`-separated, ending with
    /// `/` (`../Corpus/`); nil when the corpus folder is unknown (no link is written).
    package var corpusPrefix: String?

    package init(corpusPrefix: String? = nil) {
        self.corpusPrefix = corpusPrefix
    }

    /// The links for an Evidence folder and a corpus folder, both given as file URLs.
    package init(evidence: URL, corpus: URL) {
        self.init(corpusPrefix: Self.relativePath(from: evidence, to: corpus))
    }

    /// The link to `source` (a corpus-relative path), at `page` when the document is paged.
    package func href(source: String, page: Int?) -> String? {
        guard let corpusPrefix else { return nil }
        var link = Self.percentEncoded(corpusPrefix + source)
        if let page { link += "#page=\(page)" }
        return link
    }

    /// The relative path from folder `from` to folder `to`, ending with `/` (`./` when they
    /// are the same folder).
    package static func relativePath(from: URL, to: URL) -> String {
        let fromParts = from.standardizedFileURL.pathComponents.filter { $0 != "/" }
        let toParts = to.standardizedFileURL.pathComponents.filter { $0 != "/" }
        var shared = 0
        while shared < fromParts.count && shared < toParts.count && fromParts[shared] == toParts[shared] {
            shared += 1
        }
        let ups = Array(repeating: "..", count: fromParts.count - shared)
        let parts = ups + toParts[shared...]
        return parts.isEmpty ? "./" : parts.joined(separator: "/") + "/"
    }

    /// Every byte of the UTF-8 path percent-encoded except unreserved characters and `/`, so
    /// spaces, accents, apostrophes, `#`, `?` and `%` in file names are safe in a URL.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
