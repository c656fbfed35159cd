import EnjeuxBrief
import EnjeuxModel
import Testing

/// The brief's Markdown: header, headings, quotes with their citations, escaping.
@Suite("Brief Markdown")
struct BriefMarkdownTests {
    private func markdown(_ choice: BriefChoice, title: String = "Note au comité") throws -> String {
        let brief = try BriefSelector.brief(BriefFixture.evidence, choice: choice, title: title, date: "1er mai 2026")
        return BriefMarkdown.render(brief, bibliography: "brief.json", style: "/styles/apa.csl")
    }

    @Test func wholeDocument() throws {
        let text = try markdown(.top(1, issues: ["indicateurs", "autonomie"]), title: "L'accès: *urgent*")
        #expect(
            text == """
                ---
                title: 'L\\''accès: \\*urgent\\*'
                lang: fr-CA
                date: '1er mai 2026'
                bibliography: 'brief.json'
                csl: '/styles/apa.csl'
                ---

                # Indicateurs de performance

                <!-- passage a1 -->

                > Texte du passage a1. [@tremblay-2016-aaaa, p. iv]

                # Autonomie professionnelle

                <!-- passage w1 -->

                > Texte du passage w1. [@roy-2020-cccc]

                # Références {#references .unnumbered}

                ::: {#refs}
                :::

                """)
    }

    @Test func citationsCarryThePageAsCitedAndFlaggedOnesSaySo() throws {
        let text = try markdown(.top(3, issues: []))
        #expect(text.contains("> Texte du passage a2. [@tremblay-2016-aaaa, p. 3-4]\n"))
        #expect(text.contains("<!-- passage s1, citation à vérifier -->"))
        #expect(text.contains("> Texte du passage s1. [@la-reforme-sd-bbbb, p. 7]\n"))
    }

    @Test(arguments: [
        ("2. Remplacer la limite", #"2\. Remplacer la limite"#),
        ("iv) suite", #"iv\) suite"#),
        ("A.  Deux", #"A\. Deux"#),
        ("1.5 million", "1.5 million"),
        ("Second. Troisième", "Second. Troisième"),
        ("XIV. Titre", #"XIV\. Titre"#),
        ("- tiret", #"\- tiret"#),
        ("un -- deux --- trois - quatre", #"un \-\- deux \-\-\- trois - quatre"#),
        ("et... puis . . .", #"et\.\.\. puis . . ."#),
        ("l'autonomie \"réelle\"", #"l\'autonomie \"réelle\""#),
        (
            "*gras* _it_ `code` [lien](x) <b> &amp; 2^3 H~2~O $x$ @cle #5 a|b {.c}",
            ##"\*gras\* \_it\_ \`code\` \[lien\](x) \<b\> \&amp; 2\^3 H\~2\~O \$x\$ \@cle \#5 a\|b \{.c\}"##
        ),
        ("C:\\dossier\\", #"C:\\dossier\\"#),
        ("+ plus", #"\+ plus"#),
        ("= égal", #"\= égal"#),
        (": défini", #"\: défini"#),
        ("(a) liste", #"\(a) liste"#),
        ("  espaces   multiples\tet tab  ", "espaces multiples et tab"),
        ("« 44 % »", "« 44 % »"),
    ])
    func escaping(text: String, expected: String) {
        #expect(PandocMarkdown.inline(text) == expected)
    }

    @Test func paragraphsAndLineBreaks() {
        #expect(PandocMarkdown.paragraphs("Un\nDeux\r\n\r\n\n2. Trois\n") == [["Un", "Deux"], [#"2\. Trois"#]])
        let quote = BriefQuote(
            passage: BriefFixture.passage("p", "autonomie", rank: 1, text: "Premier\nsuite\n\nSecond."),
            key: "k-2016-abcd")
        #expect(
            BriefMarkdown.block(quote)
                == "<!-- passage p -->\n\n> Premier\\\n> suite\n>\n> Second. [@k-2016-abcd, p. 12]\n")
    }

    /// A passage of a Word file that records no pages is cited by its paragraph; a web page without a place.
    @Test func ocrPassageIsFlaggedUnderItsQuote() throws {
        let line = """
            {"category":"autonomie","label":"Autonomie","rank":1,"passage_id":"p","source":"scan.pdf","text":"Texte lu.",\
            "pages":"2","ocr":"texte reconnu par OCR, confiance 91\u{202F}% — vérifier la citation","ocr_confidence":91.4}
            """
        let passage = try EvidencePassage(jsonBytes: Array(line.utf8))
        #expect(passage.ocrFlag == "texte reconnu par OCR, confiance 91\u{202F}% — vérifier la citation")
        let block = BriefMarkdown.block(BriefQuote(passage: passage, key: "k-2016-abcd"))
        #expect(
            block
                == "<!-- passage p -->\n\n> Texte lu. [@k-2016-abcd, p. 2]\n\n"
                + "*(texte reconnu par OCR, confiance 91\u{202F}% — vérifier la citation)*\n")
        let plain = BriefMarkdown.block(
            BriefQuote(passage: BriefFixture.passage("q", "autonomie", rank: 1, text: "Texte."), key: "k"))
        #expect(!plain.contains("OCR"))
    }

    @Test func citationLocators() {
        var passage = BriefFixture.passage("p", "autonomie", rank: 1, text: "Texte.")
        passage.pages = nil
        passage.paragraph = 7
        #expect(BriefMarkdown.citation(BriefQuote(passage: passage, key: "k")) == "[@k, § 7]")
        passage.paragraph = nil
        #expect(BriefMarkdown.citation(BriefQuote(passage: passage, key: "k")) == "[@k]")
    }

    @Test(
        arguments: [
            (1, 5, 2026, "1er mai 2026"), (23, 11, 2026, "23 novembre 2026"), (15, 8, 2025, "15 août 2025"),
        ] as [(Int, Int, Int, String)])
    func frenchDates(day: Int, month: Int, year: Int, expected: String) {
        #expect(FrenchDate.long(year: year, month: month, day: day) == expected)
    }

    @Test func pandocArgumentsNameTheFormatAndTheTemplate() {
        let command = PandocCommand(
            markdown: "/b/brief.md", bibliography: "/b/brief.json", style: "/s/apa.csl", format: .odt,
            referenceDocument: "/t/maison.odt", output: "/b/.brief.odt.tmp-1")
        #expect(
            command.arguments == [
                "--from=markdown", "--to=odt", "--citeproc", "--bibliography=/b/brief.json", "--csl=/s/apa.csl",
                "--reference-doc=/t/maison.odt", "--output=/b/.brief.odt.tmp-1", "--", "/b/brief.md",
            ])
        #expect(
            CSLStyles.path(for: "apa", exists: { _ in false }) == "/usr/share/citation-style-language/styles/apa.csl")
        #expect(CSLStyles.path(for: "apa-no-ampersand.csl", exists: { _ in false }).hasSuffix("/apa-no-ampersand.csl"))
        #expect(CSLStyles.path(for: "maison.csl", exists: { _ in true }) == "maison.csl")
        #expect(CSLStyles.path(for: "styles/maison.csl", exists: { _ in false }) == "styles/maison.csl")
    }
}
