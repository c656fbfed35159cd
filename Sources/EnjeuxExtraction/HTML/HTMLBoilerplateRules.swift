import EnjeuxFrench
import Foundation
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
            for name in names(in: value) {
                if chromeNames.contains(name) { return true }
                for word in words(in: name) {
                    if chromeTokens.contains(word) { return true }
                    if !keepsHeaders && chromeTokensOutsideArticle.contains(word) { return true }
                }
            }
        }
        return false
    }

    /// The lowercased, whitespace-separated names of an id or class attribute.
    static func names(in value: String) -> [String] {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else {
            return value.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        }
        // ASCII (nearly every class name): the same split, on bytes.
        return asciiLowercased(value).utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0D).contains($0) })
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The letter-and-digit runs of a name (`fil-ariane` → `fil`, `ariane`).
    static func words(in name: String) -> [String] {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            return name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        }
        return name.utf8.split(whereSeparator: { !isASCIILetterOrDigit($0) })
            .map { String(decoding: $0, as: UTF8.self) }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return text }
        return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static let boilerplatePhraseBytes = FrenchBoilerplatePhrases.phrases.map { Array($0.utf8) }

    /// True when the lowercased text contains one of `FrenchBoilerplatePhrases.phrases`.
    static func containsBoilerplatePhrase(_ text: String) -> Bool {
        let haystack = phraseSearchBytes(text)
        return haystack.withUnsafeBufferPointer { haystack in
            boilerplatePhraseBytes.contains { needle in
                needle.withUnsafeBufferPointer { contains(needle: $0, in: haystack) }
            }
        }
    }

    /// The text's UTF-8 bytes with the letters the phrases can hold lowercased: ASCII
    /// capitals and the accented capitals of Latin-1 (`É` → `é`). The phrases hold no other
    /// letter, so this finds what a full Unicode lowercasing would, without its cost.
    static func phraseSearchBytes(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if (0x41...0x5A).contains(byte) {
                bytes[index] = byte | 0x20
            } else if byte == 0xC3, index + 1 < bytes.count, (0x80...0x9E).contains(bytes[index + 1]),
                bytes[index + 1] != 0x97
            {
                bytes[index + 1] += 0x20
                index += 1
            }
            index += 1
        }
        return bytes
    }

    private static func contains(needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress, haystack.count >= needle.count
        else { return false }
        let last = haystack.count - needle.count
        var start = 0
        while start <= last {
            // Next place where the needle's first byte occurs, then compare the rest.
            guard let found = memchr(base + start, Int32(needleBase.pointee), last - start + 1) else { return false }
            let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, needleBase, needle.count) == 0 { return true }
            start = position + 1
        }
        return false
    }

    /// Blocks with at most this many words are checked against `FrenchBoilerplatePhrases.phrases`.
    static let shortBlockWordLimit = 60
}
