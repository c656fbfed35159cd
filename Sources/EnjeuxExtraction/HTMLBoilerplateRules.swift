import LibXMLKit

/// What marks an element as page furniture rather than article text.
enum HTMLBoilerplateRules {
    /// Elements whose content is never article text.
    static let droppedTags: Set<String> = [
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "form", "button", "input", "select", "textarea", "label", "nav", "aside", "footer", "menu",
        "dialog", "canvas", "audio", "video", "map",
    ]

    /// Dropped outside the article only (an article's own `<header>` holds its title).
    static let chromeTagsOutsideArticle: Set<String> = ["header"]

    /// id/class tokens that name page furniture wherever they appear. Words that also name
    /// the subject of these documents (`social`, `sociaux`) are only matched in compounds.
    static let chromeTokens: Set<String> = [
        "cookie", "cookies", "consent", "consentement", "gdpr", "temoins", "temoin", "breadcrumb", "breadcrumbs",
        "ariane", "menu", "submenu", "nav", "navbar", "navigation", "sidebar", "footer", "pied", "newsletter",
        "share", "sharing", "partage", "socials", "related", "connexe", "commentaire", "connexes", "comment",
        "comments", "commentaires", "reactions", "preheader", "skip", "hidden", "sr", "offscreen", "ad", "ads",
        "advert", "advertisement", "pub", "publicite", "sponsor", "sponsored", "promo", "popup", "modal", "paywall",
        "disclaimer", "tags", "etiquettes", "toolbar", "outils", "pagination", "widget", "toc", "navheader",
        "navfooter",
    ]

    /// Tokens that name page furniture only outside the chosen article.
    static let chromeTokensOutsideArticle: Set<String> = [
        "header", "entete", "masthead", "banner", "bandeau", "topbar", "logo", "brand",
    ]

    /// Whole id/class names (hyphenated) that name page furniture.
    static let chromeNames: Set<String> = [
        "fil-ariane", "reseaux-sociaux", "a-lire-aussi", "lire-aussi", "sous-menu", "visually-hidden",
        "screen-reader-text", "sr-only", "skip-link", "d-none", "newsletter-box", "barre-laterale",
        "colonne-laterale", "liens-utilitaires", "liens-pied", "headerlink", "social-links", "social-share",
        "social-media", "social-icons", "social-buttons",
    ]

    /// ARIA roles of page furniture.
    static let chromeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
        "menubar", "toolbar", "form",
    ]

    /// `title` attribute values LibreOffice uses for running headers and footers.
    static let chromeTitles: Set<String> = ["header", "footer"]

    /// True when the element is hidden from readers.
    static func isHidden(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style") {
            let compact = style.lowercased().filter { !$0.isWhitespace }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        if node.name == "input", node.attribute("type")?.lowercased() == "hidden" { return true }
        return false
    }

    /// True when the element is page furniture by its tag, role, id or class. With
    /// `keepsHeaders` (inside an article, or around its `<h1>`), header markers are not furniture.
    static func isChrome(_ node: HTMLNode, keepsHeaders: Bool) -> Bool {
        if droppedTags.contains(node.name) { return true }
        if !keepsHeaders && chromeTagsOutsideArticle.contains(node.name) { return true }
        if let role = node.attribute("role")?.lowercased(), chromeRoles.contains(role) {
            return !(keepsHeaders && role == "banner")
        }
        if let title = node.attribute("title")?.lowercased(), chromeTitles.contains(title),
            node.name == "div"
        {
            return true
        }
        for attribute in ["id", "class"] {
            guard let value = node.attribute(attribute) else { continue }
            for name in value.lowercased().split(whereSeparator: { $0.isWhitespace }) {
                if chromeNames.contains(String(name)) { return true }
                for token in name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                    let word = String(token)
                    if chromeTokens.contains(word) { return true }
                    if !keepsHeaders && chromeTokensOutsideArticle.contains(word) { return true }
                }
            }
        }
        return false
    }

    /// Phrases of short boilerplate blocks (legal lines, cookie notices, unsubscribe links).
    static let boilerplatePhrases: [String] = [
        "tous droits réservés", "all rights reserved", "©", "utilise des témoins", "utilisons des témoins",
        "uses cookies", "use cookies", "se désabonner", "désabonnement", "unsubscribe", "version web",
        "web version", "partager sur", "share on", "lire la suite", "read more", "vous devez activer javascript",
        "enable javascript",
    ]

    private static let boilerplatePhraseBytes = boilerplatePhrases.map { Array($0.utf8) }

    /// True when the lowercased text contains one of `boilerplatePhrases`.
    static func containsBoilerplatePhrase(_ text: String) -> Bool {
        let haystack = Array(text.lowercased().utf8)
        return boilerplatePhraseBytes.contains { needle in
            guard let first = needle.first, haystack.count >= needle.count else { return false }
            var start = 0
            while start + needle.count <= haystack.count {
                if haystack[start] == first
                    && haystack[start..<(start + needle.count)].elementsEqual(needle)
                {
                    return true
                }
                start += 1
            }
            return false
        }
    }

    /// Blocks with at most this many words are checked against `boilerplatePhrases`.
    static let shortBlockWordLimit = 60
}
