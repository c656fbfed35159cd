import EnjeuxModel
import Foundation

/// Tells PDF, HTML and web archives apart by the bytes; the file name only decides what
/// text without markup is.
///
/// Web archive (MHTML): the file opens with a MIME header that has `MIME-Version` and a
/// `multipart/related` `Content-Type`, or, in a file named `.mhtml` or `.mht`, any multipart or
/// HTML `Content-Type`. PDF: `%PDF-` within the first 1024 bytes (readers allow leading junk).
/// HTML: after an optional byte-order mark (UTF-8 or UTF-16), white space and comments, the
/// text opens with markup and shows an HTML marker (`<!doctype html`, `<html`, `<head`,
/// `<body`, or an XML declaration followed by XHTML), or, for a fragment saved without its
/// wrapper, opens with an HTML element (`<div`, `<p>`, `<article`…). A file named `.html`,
/// `.htm` or `.xhtml` that holds text opening without markup (an article body saved as text)
/// is HTML too; one that opens with other markup (RSS, SVG) or holds binary data is not. A
/// `.pdf` file holding HTML is reported as HTML; the caller decides whether to warn about the name.
package enum FormatSniffer {
    /// How many leading bytes are examined.
    static let headLength = 1024

    /// Extensions of the files whose text is read as HTML even without markup.
    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml"]

    package static func detect(_ data: Data, fileExtension: String) throws(ExtractionFailure) -> FileFormat {
        if data.isEmpty { throw .emptyFile }
        if WebArchiveSniffer.looksLikeWebArchive(data, fileExtension: fileExtension) { return .mhtml }
        if hasPDFHeader(data) { return .pdf }
        if looksLikeHTML(data) { return .html }
        if htmlExtensions.contains(fileExtension.lowercased()), looksLikeTextWithoutMarkup(data) { return .html }
        throw .unrecognizedContent
    }

    /// True when `%PDF-` occurs within the first 1024 bytes.
    package static func hasPDFHeader(_ data: Data) -> Bool {
        data.prefix(headLength).range(of: Data("%PDF-".utf8)) != nil
    }

    /// True when the file opens like an HTML or XHTML document.
    package static func looksLikeHTML(_ data: Data) -> Bool {
        let text = decodedHead(data).lowercased()
        var rest = Substring(text)
        // Skip white space and comments before the first tag.
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            guard rest.hasPrefix("<!--") else { break }
            guard let end = rest.range(of: "-->") else { return false }
            rest = rest[end.upperBound...]
        }
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

    /// The first bytes as text, honouring a UTF-8 or UTF-16 byte-order mark.
    static func decodedHead(_ data: Data) -> String {
        let head = Array(data.prefix(headLength * 2))
        if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE {
            return decodeUTF16(head.dropFirst(2), littleEndian: true)
        }
        if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF {
            return decodeUTF16(head.dropFirst(2), littleEndian: false)
        }
        let withoutBOM = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        return String(decoding: withoutBOM.prefix(headLength), as: UTF8.self)
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
