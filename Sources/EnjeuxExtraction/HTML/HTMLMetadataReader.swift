import EnjeuxModel
import Foundation
import LibXMLKit

/// Reads bibliographic metadata from a page's `<head>` and its article.
enum HTMLMetadataReader {
    /// Meta names and properties that carry a publication date, best first.
    static let dateKeys = [
        "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
        "citation_publication_date", "citation_date", "pubdate", "publish-date", "created", "parsely-pub-date",
        "og:published_time", "datepublished", "publication_date", "sailthru.date", "dc.date.created",
    ]

    /// Meta names and properties that carry the author's name, best first.
    static let authorKeys = [
        "author", "article:author", "dc.creator", "dc:creator", "dcterm:creator", "dcterms.creator", "citation_author",
        "parsely-author", "sailthru.author", "byl",
    ]

    static func read(
        tree: HTMLTree, content: HTMLMainContent, structured: HTMLStructuredData? = nil, head: HTMLHeadFields? = nil,
        address: String? = nil
    ) -> DocumentMetadata {
        let head = head ?? HTMLHeadFields(tree: tree)
        let metas = head.metas
        // The page's own address, else the one it was saved from.
        let address = head.canonical ?? head.metas["og:url"]?.first ?? address
        let structured = structured ?? HTMLStructuredData(tree: tree)
        var metadata = DocumentMetadata()
        if let choice = HTMLTitleChooser.choose(
            metas: metas, htmlTitle: head.htmlTitle, headline: structured.headline, publisher: structured.publisherName,
            heading: firstHeading(in: tree, content: content), url: address)
        {
            metadata.title = choice.title
            metadata.titleSource = choice.source
        }
        var declared: [String] = []
        for key in authorKeys {
            for author in metas[key] ?? [] {
                let name = HTMLBylineReader.cleaned(author)
                if !name.isEmpty, !name.hasPrefix("http"), !name.hasPrefix("@"), !declared.contains(name) {
                    declared.append(name)
                }
            }
        }
        // Best source first; a newsroom's generic signature only when no source names a person.
        let candidates: [() -> [String]] = [
            { declared },
            { structured.authors.map(HTMLBylineReader.cleaned).filter { !$0.isEmpty } },
            { HTMLBylineReader.bylines(in: tree) },
        ]
        var authors: [String] = []
        for candidate in candidates {
            let names = candidate()
            if authors.isEmpty { authors = names }
            if !names.isEmpty, !names.allSatisfy(HTMLBylineReader.isGenericSignature) {
                authors = names
                break
            }
        }
        metadata.authors = authors
        metadata.date =
            structured.datePublished.flatMap(isoDate)
            ?? dateKeys.lazy.compactMap { metas[$0]?.first }.compactMap(isoDate).first
            ?? firstTimeElementDate(in: tree, content: content)
            ?? HTMLURLDate.date(in: address)
        let languageTag =
            head.language.map(clean).flatMap { $0.isEmpty ? nil : $0 }
            ?? metas["content-language"]?.first ?? metas["og:locale"]?.first
        metadata.language = languageTag.map { $0.replacingOccurrences(of: "_", with: "-") }
        metadata.subject = metas["description"]?.first ?? metas["og:description"]?.first
        metadata.keywords = (metas["keywords"]?.first ?? "").split(separator: ",").map {
            clean(String($0))
        }
        .filter { !$0.isEmpty }
        metadata.publisher = metas["og:site_name"]?.first ?? structured.publisherName
        metadata.url = address
        metadata.producer = metas["generator"]?.first
        return metadata
    }

    /// The `<h1>` of the main content when there is exactly one (several `<h1>` are
    /// section headings, as in office-suite exports, not the document's title).
    private static func firstHeading(in tree: HTMLTree, content: HTMLMainContent) -> String? {
        var headings: [String] = []
        for root in content.roots {
            for index in root..<tree.subtreeEnd(of: root)
            where tree.name(at: index) == "h1" && !content.removed[index] {
                let text = clean(tree.rawText(of: index))
                if !text.isEmpty { headings.append(text) }
            }
        }
        return headings.count == 1 ? headings[0] : nil
    }

    /// The `datetime` of the first `<time>` in the main content.
    private static func firstTimeElementDate(in tree: HTMLTree, content: HTMLMainContent) -> String? {
        for root in content.roots {
            for index in root..<tree.subtreeEnd(of: root) where tree.name(at: index) == "time" {
                if let date = tree[index].attribute("datetime").flatMap(isoDate) { return date }
            }
        }
        return nil
    }

    /// `YYYY-MM-DD` (or `YYYY`) from the start of an ISO-like date string.
    static func isoDate(_ text: String) -> String? {
        let digits = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func isDigit(_ i: Int) -> Bool { i < digits.count && (0x30...0x39).contains(digits[i]) }
        guard (0..<4).allSatisfy(isDigit) else { return nil }
        let year = String(decoding: digits[0..<4], as: UTF8.self)
        if digits.count >= 10, [5, 6, 8, 9].allSatisfy(isDigit),
            digits[4] == UInt8(ascii: "-") || digits[4] == UInt8(ascii: "/"),
            digits[7] == digits[4]
        {
            let month = Int(String(decoding: digits[5..<7], as: UTF8.self)) ?? 0
            let day = Int(String(decoding: digits[8..<10], as: UTF8.self)) ?? 0
            if (1...12).contains(month) && (1...31).contains(day) {
                return
                    "\(year)-\(String(decoding: digits[5..<7], as: UTF8.self))-\(String(decoding: digits[8..<10], as: UTF8.self))"
            }
        }
        if digits.count == 4 || (digits.count > 4 && !isDigit(4)) { return year }
        return nil
    }

    private static func clean(_ text: String) -> String {
        HTMLWhitespace.collapse(text)
    }
}
