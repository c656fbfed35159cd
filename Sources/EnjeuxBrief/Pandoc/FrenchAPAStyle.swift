/// The default style of a brief: APA 7th edition as Debian ships it (`apa.csl`), with the
/// punctuation of APA in French. The English style joins the last two authors with `&` and
/// a comma before it (`Tremblay, M., & Roy, J.`); French APA writes `et` without the comma
/// (`Tremblay, M. et Roy, J.`, `(Tremblay et Roy, 2016)`). The installed style is read and
/// these two name settings changed at run time; the derived file is written beside the
/// brief (`brief.csl`), so that the same citations can be made elsewhere (Zotero).
package enum FrenchAPAStyle {
    /// The style with `et` between the last two names and no comma before it.
    package static func derived(from style: String) -> String {
        var text = style.replacingOccurrences(of: "and=\"symbol\"", with: "and=\"text\"")
        text = text.replacingOccurrences(
            of: "delimiter-precedes-last=\"always\"", with: "delimiter-precedes-last=\"never\"")
        let note =
            "<!-- Derived by enjeux-brief from Debian's apa.csl: \"et\" between the last two authors, "
            + "without a comma before it (APA in French). -->\n"
        if let declarationEnd = text.range(of: "?>") {
            let line = text[declarationEnd.upperBound...].prefix { $0 == "\n" || $0 == "\r" }
            text.insert(contentsOf: (line.isEmpty ? "\n" : "") + note, at: line.endIndex)
        } else {
            text = note + text
        }
        return text
    }
}
