import EnjeuxModel
import Foundation

/// Where a passage is in its document, for citing it.
package struct PageLocation: Sendable, Hashable {
    package var page: Int
    package var endPage: Int?
    package var pageLabel: String?
    package var endPageLabel: String?
    /// False for web pages, which are cited without a page.
    package var isPaged: Bool

    package init(page: Int, endPage: Int? = nil, pageLabel: String? = nil, endPageLabel: String? = nil, isPaged: Bool) {
        self.page = page
        self.endPage = endPage
        self.pageLabel = pageLabel
        self.endPageLabel = endPageLabel
        self.isPaged = isPaged
    }

    /// The location of a passage; `format` nil (unknown document) counts as paged.
    package init(passage: ScoredPassage, format: DocumentFormat?) {
        self.init(
            page: passage.page, endPage: passage.endPage, pageLabel: passage.pageLabel,
            endPageLabel: passage.endPageLabel, isPaged: format != .html)
    }

    /// The end page when it differs from the start page.
    package var distinctEndPage: Int? {
        guard let endPage, endPage != page else { return nil }
        return endPage
    }

    /// The page or page span as printed: the labels when the document has them (`iv`, `12-13`),
    /// the physical numbers otherwise; nil for web pages.
    package var pages: String? {
        guard isPaged else { return nil }
        let start = Self.clean(pageLabel)
        guard let end = distinctEndPage else { return start ?? String(page) }
        if let start, let endLabel = Self.clean(endPageLabel), endLabel != start {
            return "\(start)-\(endLabel)"
        }
        return "\(page)-\(end)"
    }

    /// `p. 12`, `p. iv`, `p. 3-4`, or nil for web pages.
    package var citationText: String? {
        pages.map { "p. \($0)" }
    }

    private static func clean(_ label: String?) -> String? {
        guard let trimmed = label?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }
}
