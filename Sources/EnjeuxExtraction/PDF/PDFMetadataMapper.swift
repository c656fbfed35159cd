import EnjeuxModel
import Foundation
import PopplerKit

/// Turns a PDF's information dictionary and XMP packet into `DocumentMetadata`.
enum PDFMetadataMapper {
    /// `firstHeading`: the first heading of page 1, used when the file has no usable title.
    static func metadata(from info: PDFDocumentInfo, firstHeading: String?) -> DocumentMetadata {
        var metadata = DocumentMetadata()
        let xmp = info.xmp ?? ""
        if let title = cleaned(info.title), !looksLikeFileName(title) {
            metadata.title = title
            metadata.titleSource = .pdfInfo
        } else if let title = cleaned(XMPField.firstItem(of: "dc:title", in: xmp)), !looksLikeFileName(title) {
            metadata.title = title
            metadata.titleSource = .xmp
        } else if let heading = cleaned(firstHeading) {
            metadata.title = heading
            metadata.titleSource = .firstHeading
        }
        if let author = cleaned(info.author) {
            metadata.authors = splitAuthors(author)
        } else {
            metadata.authors = XMPField.items(of: "dc:creator", in: xmp).compactMap(cleaned)
        }
        metadata.date = info.creationDate
        metadata.subject = cleaned(info.subject) ?? cleaned(XMPField.firstItem(of: "dc:description", in: xmp))
        if let keywords = cleaned(info.keywords) {
            metadata.keywords = keywords.split(whereSeparator: { $0 == "," || $0 == ";" })
                .compactMap { cleaned(String($0)) }
        }
        metadata.producer = cleaned(info.producer) ?? cleaned(info.creator)
        metadata.language = cleaned(XMPField.firstItem(of: "dc:language", in: xmp))
        return metadata
    }

    /// Trims white space; nil when nothing is left.
    static func cleaned(_ value: String?) -> String? {
        guard let value else { return nil }
        let collapsed = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// Titles that are really file names or placeholders ("Microsoft Word - rapport.docx").
    static func looksLikeFileName(_ title: String) -> Bool {
        let lowered = title.lowercased()
        let extensions = [".doc", ".docx", ".odt", ".pdf", ".rtf", ".txt", ".tex", ".indd", ".ppt", ".pptx", ".xls"]
        if extensions.contains(where: { lowered.hasSuffix($0) }) { return true }
        if lowered.hasPrefix("microsoft word - ") || lowered.hasPrefix("microsoft powerpoint - ") { return true }
        return ["untitled", "sans titre", "document", "document1", "titre"].contains(lowered)
            || lowered.hasPrefix("untitled")
    }

    /// Splits an author field on `;`, then on ` et ` / ` and ` / `&`, then on commas
    /// when every part has at least two words (so "Dupont, Jean" stays one author). A part
    /// that names an organisation is never split (`Regroupement des intervenantes et
    /// intervenants … (RIIPLQ)` is one author).
    static func splitAuthors(_ field: String) -> [String] {
        func isOrganisation(_ part: String) -> Bool { AuthorName(part).isCertainOrganisation }
        var parts = field.split(separator: ";").map(String.init)
        parts = parts.flatMap { part -> [String] in
            if isOrganisation(part) { return [part] }
            return part.replacingOccurrences(of: " et ", with: "\u{1}").replacingOccurrences(of: " and ", with: "\u{1}")
                .replacingOccurrences(of: " & ", with: "\u{1}").split(separator: "\u{1}").map(String.init)
        }
        parts = parts.flatMap { part -> [String] in
            if isOrganisation(part) { return [part] }
            let pieces = part.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let allNames = pieces.count > 1 && pieces.allSatisfy { $0.split(separator: " ").count >= 2 }
            return allNames ? pieces : [part]
        }
        return parts.compactMap(cleaned)
    }
}

/// Minimal reading of Dublin Core fields in an XMP packet (`<dc:title><rdf:Alt><rdf:li>…`).
enum XMPField {
    static func items(of element: String, in xmp: String) -> [String] {
        guard let open = xmp.range(of: "<\(element)"), let close = xmp.range(of: "</\(element)>"),
            open.upperBound <= close.lowerBound
        else { return [] }
        let body = xmp[open.upperBound..<close.lowerBound]
        var values: [String] = []
        var rest = body[...]
        while let itemOpen = rest.range(of: "<rdf:li") {
            guard let tagEnd = rest[itemOpen.upperBound...].firstIndex(of: ">"),
                let itemClose = rest[tagEnd...].range(of: "</rdf:li>")
            else { break }
            values.append(decodeEntities(String(rest[rest.index(after: tagEnd)..<itemClose.lowerBound])))
            rest = rest[itemClose.upperBound...]
        }
        if values.isEmpty, let tagEnd = body.firstIndex(of: ">") {
            let text = String(body[body.index(after: tagEnd)...])
            if !text.contains("<") { values.append(decodeEntities(text)) }
        }
        return values
    }

    static func firstItem(of element: String, in xmp: String) -> String? {
        items(of: element, in: xmp).first
    }

    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
