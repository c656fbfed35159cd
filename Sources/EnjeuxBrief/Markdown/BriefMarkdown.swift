import Foundation

/// The brief as pandoc Markdown: a YAML header (title, `lang: fr-CA`, date, bibliography,
/// style), a heading per issue, each passage as a block quote ending with its citation
/// (`[@key, p. 12]`, which citeproc renders in the style's form), and the reference list.
package enum BriefMarkdown {
    /// The document language: citeproc takes its terms and punctuation from this locale.
    package static let language = "fr-CA"
    /// The heading of the reference list.
    package static let referencesHeading = "Références"

    /// The Markdown text. `bibliography` and `style` are written into the header so that the
    /// file can be converted again by hand (`pandoc brief.md --citeproc -o brief.docx`, run in
    /// its folder).
    package static func render(_ brief: Brief, bibliography: String, style: String) -> String {
        var out = "---\n"
        out += "title: \(yamlScalar(PandocMarkdown.inline(brief.title)))\n"
        out += "lang: \(language)\n"
        out += "date: \(yamlScalar(PandocMarkdown.inline(brief.date)))\n"
        out += "bibliography: \(yamlScalar(bibliography))\n"
        out += "csl: \(yamlScalar(style))\n"
        out += "---\n"
        for section in brief.sections {
            let label = section.issue.label.trimmingCharacters(in: .whitespacesAndNewlines)
            out += "\n# \(PandocMarkdown.inline(label.isEmpty ? section.issue.id : label))\n"
            for quote in section.quotes {
                out += "\n" + block(quote)
            }
        }
        out += "\n# \(referencesHeading) {#references .unnumbered}\n\n::: {#refs}\n:::\n"
        return out
    }

    /// One quote: a comment with the passage id (left out of DOCX and ODT), then the block
    /// quote, its citation at the end of its last paragraph as APA places it, and for a
    /// passage read by OCR the evidence's flag in italics under it.
    package static func block(_ quote: BriefQuote) -> String {
        let passage = quote.passage
        var comment = "passage \(passage.passageId)"
        if passage.citationNeedsCheck { comment += ", citation à vérifier" }
        var out = "<!-- \(comment.replacingOccurrences(of: "--", with: "- -")) -->\n\n"
        let paragraphs = PandocMarkdown.paragraphs(passage.text)
        for (index, lines) in paragraphs.enumerated() {
            if index > 0 { out += ">\n" }
            var text = lines.joined(separator: "\\\n")
            if index == paragraphs.count - 1 { text += " " + citation(quote) }
            out +=
                text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(
                    separator: "\n") + "\n"
        }
        if paragraphs.isEmpty { out += "> " + citation(quote) + "\n" }
        if let flag = passage.ocrFlag?.trimmingCharacters(in: .whitespaces), !flag.isEmpty {
            out += "\n*(\(PandocMarkdown.inline(flag)))*\n"
        }
        return out
    }

    /// `[@key, p. 12]`, `[@key, § 12]` for a document cited by paragraph (citeproc writes the
    /// style's paragraph label: `paragr. 12` in French APA), or `[@key]` for a web page; the
    /// page label escaped like text.
    package static func citation(_ quote: BriefQuote) -> String {
        guard let pages = quote.passage.pages?.trimmingCharacters(in: .whitespaces), !pages.isEmpty else {
            if let paragraph = quote.passage.paragraph { return "[@\(quote.key), § \(paragraph)]" }
            return "[@\(quote.key)]"
        }
        return "[@\(quote.key), p. \(PandocMarkdown.inline(pages))]"
    }

    /// A YAML single-quoted scalar: only `'` needs doubling.
    static func yamlScalar(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
