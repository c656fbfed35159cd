import EnjeuxModel
import Foundation

/// Tells the formats apart by the bytes; the file name only decides what text is.
///
/// Zip archive (`PK\u{3}\u{4}`): an OpenDocument file when its first entry is the
/// uncompressed `mimetype` of one, a Word document otherwise (the archive's content decides
/// in the end, see `OfficeArchiveReader`). Microsoft's older container (OLE2): refused with the
/// reason `CompoundFileSniffer` gives (an old `.doc`, a password-protected Office file). RTF:
/// refused with a conversion hint. Web archive (MHTML): the file opens with a MIME header that
/// has `MIME-Version` and a `multipart/related` `Content-Type`, or, in a file named `.mhtml` or
/// `.mht`, any multipart or HTML `Content-Type`. PDF: `%PDF-` within the first 1024 bytes
/// (readers allow leading junk). Flat OpenDocument: an XML document whose root is
/// `office:document`. A file named `.txt`, `.md` or `.markdown` that holds text is text or
/// Markdown unless it opens as a whole HTML document. HTML: after an optional byte-order mark
/// (UTF-8 or UTF-16; UTF-16 without one is recognised by its byte pattern), white space and
/// comments (skipped within the first `htmlHeadLength` bytes, however long), the text opens
/// with markup and shows an HTML marker (`<!doctype html`, `<html`, `<head`, `<body`, or an XML declaration followed by
/// XHTML), or, for a fragment saved without its wrapper, opens with an HTML element (`<div`,
/// `<p>`, `<article`…). A file named `.html`, `.htm` or `.xhtml` that holds text opening
/// without markup (an article body saved as text) is HTML too; one that opens with other
/// markup (RSS, SVG) or holds binary data is not, and its reason says what it seems to hold
/// (`ContentGuess`). A file whose content is another format than its name says is reported as what it holds; the caller decides whether to warn about the name.
package enum FormatSniffer {
    /// How many leading bytes are examined.
    static let headLength = 1024

    /// How many leading bytes may hold the comments and white space before a page's first tag.
    static let htmlHeadLength = 256 * 1024

    /// Extensions of the files whose text is read as HTML even without markup.
    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml"]

    /// Extensions of the files whose text is read as plain text or Markdown.
    static let textExtensions: Set<String> = ["txt", "text", "md", "markdown"]

    package static func detect(_ data: Data, fileExtension: String) throws(ExtractionFailure) -> FileFormat {
        if data.isEmpty { throw .emptyFile }
        let name = fileExtension.lowercased()
        if isZipArchive(data) { return opensWithOpenDocumentType(data) ? .odt : .docx }
        if CompoundFileSniffer.isCompoundFile(data) { throw CompoundFileSniffer.failure(for: data) }
        if data.starts(with: Array("{\\rtf".utf8)) {
            throw .rtfDocument
        }
        if WebArchiveSniffer.looksLikeWebArchive(data, fileExtension: fileExtension) { return .mhtml }
        if hasPDFHeader(data) { return .pdf }
        if looksLikeFlatOpenDocument(data) { return .flatODT }
        if textExtensions.contains(name), looksLikeText(data) {
            return looksLikeWholeHTMLDocument(data) ? .html : FileFormat(fileExtension: name)
        }
        if looksLikeHTML(data) { return .html }
        if htmlExtensions.contains(name), looksLikeTextWithoutMarkup(data) { return .html }
        let declared = FileFormat(fileExtension: name)
        switch declared {
        case .docx, .odt, .flatODT, .text, .markdown:
            throw .notADocument(detail: "not \(declared.description) (unknown content)")
        case .html:
            throw .notADocument(detail: "not an HTML page: it seems to be \(ContentGuess.describe(data))")
        case .mhtml:
            throw .notADocument(detail: "not a web archive (MHTML): it seems to be \(ContentGuess.describe(data))")
        case .pdf:
            throw .unrecognizedContent
        }
    }

    /// True for the local file header that opens a zip archive (or an empty archive's end record).
    static func isZipArchive(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// True when the archive's first entry is `mimetype`, stored, holding an OpenDocument type.
    static func opensWithOpenDocumentType(_ data: Data) -> Bool {
        let head = Array(data.prefix(256))
        guard head.count > 30 else { return false }
        let nameLength = Int(head[26]) | Int(head[27]) << 8
        let extraLength = Int(head[28]) | Int(head[29]) << 8
        guard 30 + nameLength <= head.count, head[30..<(30 + nameLength)].elementsEqual("mimetype".utf8) else {
            return false
        }
        let start = 30 + nameLength + extraLength
        let type = Array("application/vnd.oasis.opendocument".utf8)
        return start + type.count <= head.count && head[start..<(start + type.count)].elementsEqual(type)
    }

    /// True when the file is XML whose root element is `office:document` (a flat OpenDocument file).
    static func looksLikeFlatOpenDocument(_ data: Data) -> Bool {
        var rest = Substring(decodedHead(data))
        rest = rest.drop(while: { $0.isWhitespace })
        if rest.hasPrefix("<?xml"), let end = rest.range(of: "?>") { rest = rest[end.upperBound...] }
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            guard rest.hasPrefix("<!--"), let end = rest.range(of: "-->") else { break }
            rest = rest[end.upperBound...]
        }
        return rest.hasPrefix("<office:document ") || rest.hasPrefix("<office:document>")
            || rest.hasPrefix("<office:document\n")
    }

    /// True when the file opens as a whole HTML document (a doctype or `<html>`), not a fragment.
    static func looksLikeWholeHTMLDocument(_ data: Data) -> Bool {
        let text = decodedHead(data).lowercased().drop(while: { $0.isWhitespace })
        return text.hasPrefix("<!doctype html") || text.hasPrefix("<html")
    }

    /// True when the first bytes are text: no control characters but white space and form
    /// feeds, and mostly valid characters.
    static func looksLikeText(_ data: Data) -> Bool {
        let scalars = decodedHead(data).unicodeScalars
        let allowedControls: Set<Unicode.Scalar> = ["\t", "\n", "\r", "\u{0C}"]
        var replaced = 0
        for scalar in scalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                guard allowedControls.contains(scalar) else { return false }
            }
            if scalar == "\u{FFFD}" { replaced += 1 }
        }
        return replaced * 3 <= scalars.count
    }

    /// True when `%PDF-` occurs within the first 1024 bytes.
    package static func hasPDFHeader(_ data: Data) -> Bool {
        data.prefix(headLength).range(of: Data("%PDF-".utf8)) != nil
    }

    /// True when the file opens like an HTML or XHTML document.
    package static func looksLikeHTML(_ data: Data) -> Bool {
        let text = decodedHead(data, length: htmlHeadLength)
        var opening = Substring(text)
        // Skip white space and comments before the first tag.
        while true {
            opening = opening.drop(while: { $0.isWhitespace })
            guard opening.hasPrefix("<!--") else { break }
            guard let end = opening.range(of: "-->") else { return false }
            opening = opening[end.upperBound...]
        }
        let rest = Substring(opening.prefix(headLength).lowercased())
        guard rest.hasPrefix("<") else { return false }
        if rest.hasPrefix("<?xml") {
            return rest.contains("xhtml") || rest.contains("<html")
        }
        let markers = ["<!doctype html", "<html", "<head", "<body"]
        return markers.contains { rest.contains($0) } || opensWithHTMLElement(rest)
    }

    /// True when the first bytes are text (no control characters but white space, mostly
    /// valid characters) that does not open with markup.
    static func looksLikeTextWithoutMarkup(_ data: Data) -> Bool {
        let text = decodedHead(data)
        let scalars = text.unicodeScalars
        let allowedControls: Set<Unicode.Scalar> = ["\t", "\n", "\r", "\u{0C}"]
        var replaced = 0
        for scalar in scalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                guard allowedControls.contains(scalar) else { return false }
            }
            if scalar == "\u{FFFD}" { replaced += 1 }
        }
        guard replaced * 3 <= scalars.count else { return false }
        let start = text.drop { $0.isWhitespace }
        return !start.isEmpty && !start.hasPrefix("<")
    }

    /// Elements an HTML fragment (an article body saved alone) opens with.
    static let fragmentElements: Set<String> = [
        "a", "article", "aside", "b", "blockquote", "br", "center", "dl", "div", "em", "figure", "font", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "link", "main", "meta", "nav", "ol", "p",
        "pre", "section", "span", "strong", "style", "table", "title", "ul",
    ]

    /// True when the text opens with the start tag of a known HTML element.
    private static func opensWithHTMLElement(_ text: Substring) -> Bool {
        let name = text.dropFirst().prefix { $0.isLetter || $0.isNumber }
        guard let next = text.dropFirst(1 + name.count).first, next == ">" || next == "/" || next.isWhitespace
        else { return false }
        return fragmentElements.contains(String(name))
    }

    /// The first `length` bytes (of UTF-8, twice as many of UTF-16) as text, honouring a UTF-8
    /// or UTF-16 byte-order mark, and UTF-16 without one (`UTF16BytePattern`).
    static func decodedHead(_ data: Data, length: Int = headLength) -> String {
        let head = Array(data.prefix(length * 2))
        if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE {
            return decodeUTF16(head.dropFirst(2), littleEndian: true)
        }
        if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF {
            return decodeUTF16(head.dropFirst(2), littleEndian: false)
        }
        if let littleEndian = UTF16BytePattern.endianness(of: head) {
            return decodeUTF16(head[...], littleEndian: littleEndian)
        }
        let withoutBOM = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        return String(decoding: withoutBOM.prefix(length), as: UTF8.self)
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let low = UInt16(bytes[index])
            let high = UInt16(bytes[index + 1])
            units.append(littleEndian ? (high << 8 | low) : (low << 8 | high))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
