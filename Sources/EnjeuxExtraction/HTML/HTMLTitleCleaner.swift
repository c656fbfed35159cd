import Foundation

/// A page's `<title>` without the site name browsers show beside it
/// ("Le titre | Le site", "Site — Rubrique — Le titre").
enum HTMLTitleCleaner {
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "]

    /// The part that is the article's title: without a segment that is the site name,
    /// else without what follows the last separator when enough is left to be a title.
    /// With `knownSiteOnly`, only a segment naming the site is removed (titles written for
    /// sharing, `og:title`, rarely carry anything else).
    static func withoutSiteName(_ title: String, siteName: String?, knownSiteOnly: Bool = false) -> String {
        var segments = [Substring(title)]
        for separator in separators {
            segments = segments.flatMap { $0.split(separator: separator, omittingEmptySubsequences: true) }
        }
        guard segments.count > 1 else { return title }
        if let siteName = siteName.map(normalized), !siteName.isEmpty {
            let kept = segments.filter { normalized(String($0)) != siteName }
            if kept.count < segments.count, !kept.isEmpty {
                return kept.count == 1 ? trimmed(kept[0]) : joinedBeforeLast(title, keeping: kept)
            }
        }
        guard !knownSiteOnly, let cut = lastSeparatorRange(in: title) else { return title }
        let head = trimmed(title[..<cut.lowerBound])
        return isTitleLong(head) ? head : title
    }

    private static func lastSeparatorRange(in title: String) -> Range<String.Index>? {
        separators.compactMap { title.range(of: $0, options: .backwards) }.max { $0.lowerBound < $1.lowerBound }
    }

    /// The title up to the last kept segment (the site name was elsewhere).
    private static func joinedBeforeLast(_ title: String, keeping kept: [Substring]) -> String {
        guard let first = kept.first, let last = kept.last else { return title }
        return trimmed(title[first.startIndex..<last.endIndex])
    }

    /// Three words, or ten letters of a script written without spaces.
    private static func isTitleLong(_ text: String) -> Bool {
        text.split(separator: " ").count >= 3 || (text.count >= 10 && !text.contains(" "))
    }

    /// Lowercased, accents folded, whitespace collapsed ("Wikipédia" names `wikipedia.org`).
    private static func normalized(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text).trimmingCharacters(in: .whitespaces)
    }
}
