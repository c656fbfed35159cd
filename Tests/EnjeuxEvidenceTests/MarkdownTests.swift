import EnjeuxModel
import Testing

@testable import EnjeuxEvidence

@Suite("Markdown")
struct MarkdownTests {
    private func quote(_ text: String, _ words: [String]) -> String {
        MarkdownText.blockQuote(text, bold: words.compactMap { Fixture.match($0, in: text) }.map { $0.start..<$0.end })
    }

    @Test func boldsMatchesAtTheirOffsets() {
        #expect(
            quote("L’autonomie professionnelle recule", ["autonomie"]) == "> L’**autonomie** professionnelle recule")
        #expect(
            quote("Les équipes décident, les cibles aussi", ["équipes", "cibles"])
                == "> Les **équipes** décident, les **cibles** aussi")
    }

    @Test func offsetsAreUnicodeScalarsEvenWithEmojiAndCombiningAccents() throws {
        let emoji = "👩‍⚕️ Le jugement clinique 🇨🇦 compte"
        let match = try #require(Fixture.match("jugement", in: emoji))
        #expect(match.start == 8)
        #expect(quote(emoji, ["jugement", "compte"]) == "> 👩‍⚕️ Le **jugement** clinique 🇨🇦 **compte**")
        let decomposed = "Les e\u{301}quipes de\u{301}cident"
        let accented = try #require(Fixture.match("de\u{301}cident", in: decomposed))
        #expect(accented.start == 13)
        #expect(
            MarkdownText.blockQuote(decomposed, bold: [accented.start..<accented.end])
                == "> Les e\u{301}quipes **de\u{301}cident**")
    }

    @Test func escapesOnlyWhatWouldBecomeMarkup() {
        #expect(
            MarkdownText.blockQuote("Le *Lean* [kaizen] _x_ <b> a|b ~ & \\ `c`", bold: [])
                == "> Le \\*Lean\\* [kaizen] \\_x\\_ \\<b> a|b ~ & \\ \\`c\\`")
        // Left as written: `_` inside a word, `2.` inside a line, `&` that is no entity, brackets
        // that make no link, `<` before a space, a backslash before a letter, a lone `*`.
        let plain = "Synthèse_réforme du 2. volet, R&D, [note] (voir), 5 < 6, C:\\Users, a * b, 50 % #1"
        #expect(MarkdownText.blockQuote(plain, bold: []) == "> " + plain)
        #expect(MarkdownText.paragraph(plain) == plain)
        // Escaped: what would be an entity, a link, an image, an autolink or HTML, emphasis.
        #expect(
            MarkdownText.paragraph("&amp; &#38; &#x26; [a](b) ![i](c) <http://x> <b> a*b* __c__ d_ \\*")
                == "\\&amp; \\&#38; \\&#x26; [a\\](b) ![i\\](c) \\<http://x> \\<b> a\\*b\\* \\_\\_c\\_\\_ d\\_ \\\\\\*")
        #expect(MarkdownText.inline("# Titre\nsuite") == "# Titre suite")
        #expect(MarkdownText.inline("# Titre", in: .lineStart) == "\\# Titre")
        // At the end of an inline text, what follows is unknown.
        #expect(MarkdownText.inline("Enjeu #") == "Enjeu \\#")
        #expect(MarkdownText.inline("lien]") == "lien\\]")
        #expect(MarkdownText.inline("fin\\") == "fin\\\\")
        #expect(MarkdownText.inline("R&amp") == "R\\&amp")
        // Tables (run.md): pipes, and brackets inside link text.
        #expect(MarkdownText.inline("a|b [c] d", in: .tableCell) == "a\\|b [c] d")
        #expect(MarkdownText.inline("a|b [c]", in: .tableLinkText) == "a\\|b \\[c\\]")
    }

    @Test func escapesLineStartsThatWouldBecomeBlocks() {
        let text = "- liste\n1. un\n+ plus\n= égal\n   indenté\n\nfin 2. milieu"
        #expect(
            MarkdownText.blockQuote(text, bold: [])
                == "> \\- liste\n> 1\\. un\n> \\+ plus\n> = égal\n> indenté\n>\n> fin 2. milieu")
        #expect(MarkdownText.blockQuote("a\r\nb\rc", bold: []) == "> a\n> b\n> c")
        let cases: [(String, String)] = [
            ("===", "\\==="), ("- - -", "\\- - -"), ("--", "\\--"), ("-3 %", "-3 %"), ("+", "\\+"),
            ("2019. La", "2019\\. La"), ("3) suite", "3\\) suite"), ("1234567890. x", "1234567890. x"),
            ("2.5 %", "2.5 %"), ("# titre", "\\# titre"), ("#hashtag", "#hashtag"),
            ("####### sept", "####### sept"), ("> cité", "\\> cité"), ("~~~ code", "\\~~~ code"),
            ("~ environ", "~ environ"), ("* puce", "\\* puce"), ("[a]: /u", "\\[a]: /u"),
            ("<div>", "\\<div>"), ("***", "\\*\\*\\*"), ("___", "\\_\\_\\_"),
        ]
        for (line, written) in cases {
            #expect(MarkdownText.paragraph("texte\n" + line) == "texte\n" + written, "\(line)")
        }
    }

    @Test func mergesOverlappingAndTouchingRanges() {
        #expect(
            MarkdownText.blockQuote("charge de travail", bold: [0..<6, 3..<10, 10..<17]) == "> **charge de travail**")
    }

    @Test func keepsWhitespaceAndLineBreaksOutsideBold() {
        #expect(MarkdownText.blockQuote("le  mot  ici", bold: [2..<9]) == "> le  **mot**  ici")
        #expect(MarkdownText.blockQuote("un deux\ntrois", bold: [3..<13]) == "> un **deux**\n> **trois**")
    }

    @Test func clampsOffsetsOutsideTheText() {
        #expect(MarkdownText.blockQuote("abcdefgh", bold: [5..<100]) == "> abcde**fgh**")
        #expect(MarkdownText.blockQuote("abcdefgh", bold: [-3..<2, 7..<7]) == "> **ab**cdefgh")
    }

    @Test func usesStrongTagsWhereAsterisksWouldNotMakeBold() {
        #expect(MarkdownText.blockQuote("la (PL 10) passe", bold: [3..<10]) == "> la **(PL 10)** passe")
        #expect(MarkdownText.blockQuote("ab(PL)cd", bold: [2..<6]) == "> ab<strong>(PL)</strong>cd")
        #expect(MarkdownText.blockQuote("x|y", bold: [0..<2]) == "> <strong>x|</strong>y")
        #expect(MarkdownText.blockQuote("a_b", bold: [0..<1]) == "> **a**\\_b")
    }

    @Test func boldsEscapedCharactersInsideTheRange() {
        #expect(MarkdownText.blockQuote("la loi_10 passe", bold: [3..<9]) == "> la **loi_10** passe")
        #expect(MarkdownText.blockQuote("la loi*10 passe", bold: [3..<9]) == "> la **loi\\*10** passe")
    }

    @Test func issueFileHasTitleDescriptionPassagesAndFrenchTypography() throws {
        let issues = EvidenceBuilder.build(Fixture.varied())
        let autonomie = try #require(issues.first)
        let markdown = EvidenceRenderer.markdown(issue: autonomie)
        #expect(markdown.hasPrefix("# Autonomie professionnelle\n\nLatitude et jugement clinique.\n\n"))
        #expect(markdown.contains("> L’**autonomie** professionnelle recule, dit-on, \"sous\" la pression."))
        #expect(markdown.contains("(Tremblay et Roy, 2016, p. iii) — rang 1, score 0,9\n"))
        #expect(
            markdown.contains("- Référence\u{00A0}: Marie Tremblay et Jean Roy (2016). Le Lean en services sociaux.\n"))
        #expect(markdown.contains("- Section\u{00A0}: «\u{00A0}Chapitre 2 : Pratiques\u{00A0}»\n"))
        #expect(markdown.contains("- Aussi dans\u{00A0}: b.html\n"))
        #expect(markdown.contains("(Gagnon et al., 2019, p. 12) — rang 2, score 0,85"))
        #expect(markdown.contains("**jugement** clinique 👩‍⚕️ s’efface; les **équipes**, elles"))
        #expect(!markdown.contains("batterie"))
        #expect(markdown.contains("3 passages retenus sur 4 passages dont le score dépasse 0,5"))
    }

    @Test func flagsCitationsToCheck() throws {
        let issues = EvidenceBuilder.build(Fixture.varied())
        let indicateurs = try #require(issues.last)
        let markdown = EvidenceRenderer.markdown(issue: indicateurs)
        #expect(!markdown.contains("Citation à vérifier"))
        let set = Fixture.scoreSet(
            documents: [Fixture.document("a", authors: [])],
            passages: [Fixture.passage("a", 0, "Texte.", scores: ["autonomie": 0.9])])
        let flagged = EvidenceRenderer.markdown(issue: EvidenceBuilder.build(set)[0])
        #expect(flagged.contains("- Citation à vérifier\u{00A0}: métadonnées incomplètes"))
    }

    @Test func issueWithoutPassagesSaysSo() {
        let set = Fixture.scoreSet(documents: [], passages: [])
        let markdown = EvidenceRenderer.markdown(issue: EvidenceBuilder.build(set)[0])
        #expect(markdown.contains("Aucun passage n’a obtenu un score supérieur au seuil (0,5) pour cet enjeu."))
        #expect(!markdown.contains(">"))
        let unlabelled = Fixture.scoreSet(
            categories: [CategoryInfo(id: "acces", label: " ", description: "")], documents: [], passages: [])
        #expect(
            EvidenceRenderer.markdown(issue: EvidenceBuilder.build(unlabelled)[0]).hasPrefix("# acces\n\nAucun passage")
        )
    }

    @Test func frenchNumbers() {
        #expect(French.integer(1234) == "1234")
        #expect(French.integer(12345) == "12\u{00A0}345")
        #expect(French.integer(1_234_567) == "1\u{00A0}234\u{00A0}567")
        #expect(French.decimal(0.8123) == "0,8123")
        #expect(French.count(1, "passage", "passages") == "1 passage")
        #expect(French.count(2, "passage", "passages") == "2 passages")
    }
}
