import EnjeuxModel
import Foundation

/// How a passage's place in its document is given (`location` in `evidence.jsonl`).
package enum LocationKind: String, Sendable, Hashable {
    /// A page of a PDF: `p. 12`.
    case page
    /// A page as a word-processing or text file records it (where its word processor last laid
    /// pages out, and explicit breaks; form feeds in a text file): `p. 3`.
    case recordedPage = "recorded_page"
    /// A paragraph of a word-processing or text file that records no pages: `paragr. 12`.
    case paragraph
    /// A web page: no page.
    case none
}

/// Where a passage is in its document, for citing it.
package struct PageLocation: Sendable, Hashable {
    package var page: Int
    package var endPage: Int?
    package var pageLabel: String?
    package var endPageLabel: String?
    /// The paragraph number, for `kind == .paragraph`.
    package var paragraph: Int?
    package var kind: LocationKind

    /// A page of a PDF (`isPaged`) or a web page.
    package init(page: Int, endPage: Int? = nil, pageLabel: String? = nil, endPageLabel: String? = nil, isPaged: Bool) {
        self.init(
            page: page, endPage: endPage, pageLabel: pageLabel, endPageLabel: endPageLabel,
            kind: isPaged ? .page : .none)
    }

    package init(
        page: Int, endPage: Int? = nil, pageLabel: String? = nil, endPageLabel: String? = nil, paragraph: Int? = nil,
        kind: LocationKind
    ) {
        self.page = page
        self.endPage = endPage
        self.pageLabel = pageLabel
        self.endPageLabel = endPageLabel
        self.paragraph = paragraph
        self.kind = kind
    }

    /// The location of a passage; `format` nil (unknown document) counts as paged. A
    /// word-processing or text document is cited by paragraph when its passages carry one
    /// (the file records no pages), by its recorded pages otherwise.
    package init(passage: ScoredPassage, format: DocumentFormat?) {
        let kind: LocationKind
        switch format {
        case .html: kind = .none
        case .pdf, nil: kind = .page
        case .docx, .odt, .text, .markdown: kind = passage.paragraph == nil ? .recordedPage : .paragraph
        }
        self.init(
            page: passage.page, endPage: passage.endPage, pageLabel: passage.pageLabel,
            endPageLabel: passage.endPageLabel, paragraph: passage.paragraph, kind: kind)
    }

    /// True when the passage is cited by a page (of a PDF, or as a file records it).
    package var isPaged: Bool { kind == .page || kind == .recordedPage }

    /// The end page when it differs from the start page.
    package var distinctEndPage: Int? {
        guard let endPage, endPage != page else { return nil }
        return endPage
    }

    /// The page or page span as printed: the labels when the document has them (`iv`, `12-13`),
    /// the physical numbers otherwise; nil when the passage is not cited by page.
    package var pages: String? {
        guard isPaged else { return nil }
        let start = Self.clean(pageLabel)
        guard let end = distinctEndPage else { return start ?? String(page) }
        if let start, let endLabel = Self.clean(endPageLabel), endLabel != start {
            return "\(start)-\(endLabel)"
        }
        return "\(page)-\(end)"
    }

    /// The place as a citation writes it after the year: `p. 12`, `p. iv`, `p. 3-4`, `paragr. 12`
    /// or nil for web pages.
    package var citationText: String? {
        if kind == .paragraph, let paragraph { return "paragr. \(paragraph)" }
        return pages.map { "p. \($0)" }
    }

    /// What a reader should know about the place, in French, for the report and the Markdown
    /// files: that a page is the one the word processor recorded, or that a paragraph number
    /// stands in for a page; nil for PDF and web pages.
    package var note: String? {
        switch kind {
        case .recordedPage: "page telle que le fichier l\u{2019}enregistre"
        case .paragraph: "paragraphe compté depuis le début du document, le fichier n\u{2019}ayant pas de pages"
        case .page, .none: nil
        }
    }

    /// The label without white space around it (Unicode's White_Space, line breaks included);
    /// nil when nothing is left. Swift's own scalars, not Foundation's bridged trimming, which
    /// costs more than the rest of a location (every passage of `evidence.sqlite` has one).
    private static func clean(_ label: String?) -> String? {
        guard let label, let first = label.utf8.first, let last = label.utf8.last else { return nil }
        // Most labels are printable ASCII at both ends ("12", "iv"): nothing to trim.
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return label }
        let scalars = label.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return nil }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return label }
        return String(scalars[first...last])
    }
}
