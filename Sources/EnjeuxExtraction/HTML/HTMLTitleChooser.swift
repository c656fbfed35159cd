import EnjeuxModel

/// Chooses a page's title for citations among what it declares: the title the site wrote
/// for search engines and sharing first (JSON-LD `headline`, Dublin Core, Open Graph,
/// Twitter, Parse.ly, `<meta name="title">`), then `<title>` without the site name, and
/// the main content's single `<h1>` only when the page declares no title at all (an `<h1>`
/// is often a section or a teaser rather than the work's title).
enum HTMLTitleChooser {
    /// Meta names and properties that carry the work's title, best first.
    static let titleKeys = [
        "dc:title", "dcterms:title", "dcterm:title", "dc.title", "dcterms.title", "og:title", "twitter:title",
        "parsely-title", "sailthru.title", "title",
    ]

    /// Meta names and properties that name the site.
    static let siteNameKeys = ["og:site_name", "application-name", "apple-mobile-web-app-title"]

    struct Choice: Equatable {
        var title: String
        var source: TitleSource
    }

    static func choose(
        metas: [String: [String]], htmlTitle: String?, headline: String?, publisher: String?, heading: String?,
        url: String? = nil
    ) -> Choice? {
        let siteNames =
            siteNameKeys.compactMap { metas[$0]?.first } + [publisher].compactMap { $0 } + hostNames(of: url)
        if let headline = usable(headline), agrees(headline, withAnyOf: [htmlTitle, heading]) {
            return Choice(
                title: withoutSite(headline, siteNames: siteNames, knownSiteOnly: true), source: .structuredData)
        }
        for key in titleKeys {
            guard let title = usable(metas[key]?.first) else { continue }
            return Choice(
                title: withoutSite(title, siteNames: siteNames, knownSiteOnly: true),
                source: key == "og:title" ? .openGraph : .metaTitle)
        }
        if let title = usable(htmlTitle) {
            return Choice(title: withoutSite(title, siteNames: siteNames, knownSiteOnly: false), source: .htmlTitle)
        }
        if let heading = usable(heading) { return Choice(title: heading, source: .htmlH1) }
        return nil
    }

    private static func withoutSite(_ title: String, siteNames: [String], knownSiteOnly: Bool) -> String {
        for siteName in siteNames {
            let shorter = HTMLTitleCleaner.withoutSiteName(title, siteName: siteName, knownSiteOnly: true)
            if shorter != title { return shorter }
        }
        return knownSiteOnly ? title : HTMLTitleCleaner.withoutSiteName(title, siteName: nil)
    }

    /// The labels of a URL's host that can name its site ("wikipedia" for
    /// `https://fr.wikipedia.org/…`): neither `www` nor the last label.
    static func hostNames(of url: String?) -> [String] {
        guard let url, let schemeEnd = url.range(of: "://") else { return [] }
        let host = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        let labels = host.lowercased().split(separator: ".").dropLast()
        return labels.filter { $0 != "www" && $0.count >= 3 }.map(String.init)
    }

    /// A JSON-LD headline is trusted when the visible title or heading holds it, or when there
    /// is neither: some sites put a description there (Wikipedia's "constitutional monarchy…").
    private static func agrees(_ headline: String, withAnyOf others: [String?]) -> Bool {
        let visible = others.compactMap { $0.map(folded) }.filter { !$0.isEmpty }
        let wanted = folded(headline)
        return visible.isEmpty || visible.contains { $0.contains(wanted) || wanted.contains($0) }
    }

    /// Lowercased, whitespace collapsed, typographic quotes made straight.
    private static func folded(_ text: String) -> String {
        let straight = text.lowercased().map { character -> Character in
            switch character {
            case "\u{2018}", "\u{2019}": "'"
            case "\u{201C}", "\u{201D}": "\""
            default: character
            }
        }
        return String(straight).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func usable(_ text: String?) -> String? {
        guard let text = text.map(HTMLWhitespace.collapse), !text.isEmpty, text.count <= 500 else { return nil }
        return text
    }
}
