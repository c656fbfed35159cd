import EnjeuxFrench
import Foundation
import LibXMLKit

/// What marks an element as page furniture rather than article text.
enum HTMLBoilerplateRules {
    /// Elements that never show article text. MathML shows its formulas (`<math>` is text);
    /// its annotations (the TeX source) are not shown.
    static let invisibleTags: Set<String> = [
        "head", "script", "style", "noscript", "template", "svg", "annotation", "annotation-xml", "iframe", "object",
        "embed",
        "button", "input", "select", "textarea", "label", "canvas", "audio", "video", "map",
    ]

    /// Elements that usually hold page furniture.
    static let chromeTags: Set<String> = ["form", "nav", "aside", "footer", "menu", "dialog"]

    /// Dropped outside the article only (an article's own `<header>` holds its title).
    static let chromeTagsOutsideArticle: Set<String> = ["header"]

    /// id/class tokens that name page furniture wherever they appear. Words that also name
    /// the subject of these documents (`social`, `sociaux`) are only matched in compounds.
    static let chromeTokens: Set<String> = [
        "cookie", "cookies", "consent", "consentement", "gdpr", "temoins", "temoin", "breadcrumb", "breadcrumbs",
        "ariane", "menu", "submenu", "nav", "navbar", "navigation", "sidebar", "footer", "pied", "newsletter",
        "share", "sharing", "partage", "socials", "related", "connexe", "commentaire", "connexes", "comment",
        "comments", "commentaires", "reactions", "preheader", "skip", "hidden", "sr", "offscreen", "ad", "ads",
        "advert", "advertisement", "pub", "publicite", "sponsor", "sponsored", "promo", "popup", "modal",
        "disclaimer", "tags", "etiquettes", "toolbar", "outils", "pagination", "widget", "toc", "navheader",
        "navfooter", "prev", "previous", "pager", "trending", "mostread", "recirculation", "recirc", "outbrain",
        "gallery", "slideshow", "carousel", "slider",
        "lightbox", "truncated",
    ]

    /// Parts of names that mark furniture even inside a compound written without separators
    /// (`relatedposts`, `commentlist`, `sharebar`); long enough not to occur in other words.
    static let chromeStems: [String] = [
        "comment", "related", "sidebar", "breadcrumb", "newsletter", "cookie", "sharing", "sharebar",
        "share-", "-share", "advert", "sponsor", "promo", "popup", "disqus", "outbrain", "taboola",
        "recommend", "pagination", "byline", "author-info", "authorbox", "author-box", "subscribe",
    ]

    /// id/class tokens of the small print around an article: bylines, datelines, image
    /// credits, post metadata, a paywall's prompt. Only short elements are furniture by these
    /// (a long element named so is more likely a wrapper of the text: a saved page's
    /// `paywall` holds the rest of the article its reader could see).
    static let smallPrintTokens: Set<String> = [
        "byline", "byl", "author", "authors", "auteur", "dateline", "date", "time", "timestamp", "published",
        "updated", "posted", "meta", "credit", "credits", "copyright", "signature", "kicker", "paywall",
    ]

    /// Elements with more visible characters than this are never small print.
    static let smallPrintLength = 200

    /// True when the id or class names the small print around an article (see `smallPrintTokens`).
    static func isSmallPrint(_ node: HTMLNode) -> Bool {
        for attribute in ["id", "class"] {
            guard let value = node.attribute(attribute), attribute == "class" || !isHeadingSlug(value) else {
                continue
            }
            for name in names(in: value) where words(in: name).contains(where: smallPrintTokens.contains) {
                return true
            }
        }
        return false
    }

    /// Function words of the slugs documentation generators make of headings.
    static let slugFunctionWords: Set<String> = [
        "a", "an", "the", "with", "and", "of", "to", "in", "is", "de", "la", "le", "les", "et", "des", "du", "un",
        "une", "und", "der", "die", "das", "el", "los", "y", "del",
    ]

    /// True when an id is a heading's slug (`sharing-with-a-single-developer`): four words or
    /// more, function words among them. Such an id says what a section is about, not what
    /// part of the page it is.
    static func isHeadingSlug(_ id: String) -> Bool {
        let words = id.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" })
        return words.count >= 4 && words.contains { slugFunctionWords.contains(String($0)) }
    }

    /// True when the element is a comment section (long prose that is still not the article).
    static func isComments(_ node: HTMLNode) -> Bool {
        for attribute in ["id", "class"] {
            guard let value = node.attribute(attribute), attribute == "class" || !isHeadingSlug(value) else {
                continue
            }
            for name in names(in: value) where contains(name, "comment") || contains(name, "disqus") {
                return true
            }
        }
        return false
    }

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
            if contains(compact, "display:none") || contains(compact, "visibility:hidden") { return true }
        }
        if node.name == "input", node.attribute("type")?.lowercased() == "hidden" { return true }
        return false
    }

    /// True when the element is page furniture by its tag, role, id or class. With
    /// `keepsHeaders` (inside an article, or around its `<h1>`), header markers are not furniture.
    static func isChrome(_ node: HTMLNode, keepsHeaders: Bool) -> Bool {
        isChromeByTag(node, keepsHeaders: keepsHeaders) || isChromeByName(node, keepsHeaders: keepsHeaders)
    }

    /// The tag, role and `title` rules of `isChrome`.
    static func isChromeByTag(_ node: HTMLNode, keepsHeaders: Bool) -> Bool {
        if chromeTags.contains(node.name) { return true }
        if !keepsHeaders && chromeTagsOutsideArticle.contains(node.name) { return true }
        if let role = node.attribute("role")?.lowercased(), chromeRoles.contains(role) {
            return !(keepsHeaders && role == "banner")
        }
        if let title = node.attribute("title")?.lowercased(), chromeTitles.contains(title),
            node.name == "div"
        {
            return true
        }
        return false
    }

    /// The id and class rules of `isChrome`.
    static func isChromeByName(_ node: HTMLNode, keepsHeaders: Bool) -> Bool {
        for attribute in ["id", "class"] {
            guard let value = node.attribute(attribute), attribute == "class" || !isHeadingSlug(value) else {
                continue
            }
            for name in names(in: value) {
                if chromeNames.contains(name) { return true }
                if chromeStems.contains(where: { contains(name, $0) }) { return true }
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

    /// Substring test on UTF-8 bytes: `String.contains` goes through Foundation, too slow for
    /// the class names of every element of a page.
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { haystack in part.withUTF8 { needle in contains(needle: needle, in: haystack) } }
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

    /// Whole blocks that are a label of page furniture (an ad slot, a caption toggle, a
    /// "more stories" title), in the languages of the pages read; compared lowercased, without
    /// surrounding punctuation.
    static let furnitureLabels: Set<String> = [
        "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content", "anzeige",
        "werbung", "publicité", "publicite", "pub", "publicidad", "pubblicità", "reklama", "iklan", "comments",
        "commentaires", "comentarios", "kommentare", "close", "fermer", "caption", "hide caption", "toggle caption",
        "expand", "share", "partager", "print", "imprimer", "email", "e-mail", "menu", "search", "rechercher",
        "you may also like", "related", "related articles", "related stories", "related posts", "read more",
        "read also", "more", "loading", "aa", "lire aussi", "à lire aussi", "voir aussi", "sur le même sujet",
        "mehr zum thema", "lesen sie auch", "leer más", "te puede interesar", "most popular", "most read",
        "recommended", "recommended for you", "trending", "our latest stories", "latest stories", "top stories",
        "written by", "by", "don't miss", "don’t miss", "ne manquez pas", "à ne pas manquer", "up next",
        "à suivre", "more on this story", "sur le même thème",
    ]

    /// Labels that open a short block of furniture: a tag list, a "read also" line, an image
    /// credit.
    static let furniturePrefixes = [
        "tags", "filed under", "étiquettes", "mots-clés", "mots clés", "schlagwörter", "etiquetas", "related",
        "read more", "read also", "also read", "lire aussi", "à lire aussi", "voir aussi", "written by",
        "photo credit", "image credit", "crédit photo", "credit", "crédit", "foto", "photo", "image",
    ]

    /// True when the whole block is one of `furnitureLabels`, or opens with one of
    /// `furniturePrefixes` followed by a colon (or, for a tag list, by the tags).
    static func isFurnitureLabel(_ text: String) -> Bool {
        let lowered = text.lowercased()
        for prefix in furniturePrefixes where lowered.hasPrefix(prefix) {
            let after = lowered.dropFirst(prefix.count)
            let rest = after.drop { $0 == " " || $0 == "\u{A0}" }
            if rest.first == ":" { return true }
            if prefix == "tags", after.first == " ", rest.first?.isLetter == true { return true }
        }
        guard text.utf8.count <= 40 else { return false }
        let label = lowered.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        return furnitureLabels.contains(label)
    }

    /// True when every word of the block is an e-mail address, a web address or a handle
    /// (`jane@example.org`, `twitter.com/jane`, `@jane`): a contact line, not text.
    static func isContactLine(_ text: String) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty, words.count <= 4 else { return false }
        return words.allSatisfy { word in
            let core = word.trimmingCharacters(in: .punctuationCharacters.subtracting(["@"]))
            guard !core.isEmpty else { return true }
            if core.hasPrefix("@"), core.count > 1 { return true }
            if core.contains("@"), core.contains(".") { return true }
            if core.hasPrefix("http://") || core.hasPrefix("https://") || core.hasPrefix("www.") { return true }
            let host = core.prefix { $0 != "/" }
            return core.contains("/") && host.contains(".")
                && host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        }
    }

    /// Blocks with at most this many words are checked against `FrenchBoilerplatePhrases.phrases`.
    static let shortBlockWordLimit = 60
}
