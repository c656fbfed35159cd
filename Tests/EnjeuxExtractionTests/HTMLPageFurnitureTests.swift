import EnjeuxModel
import Testing

@testable import EnjeuxExtraction

/// Furniture of real web pages: datelines, galleries, paywall prompts, bylines, dates in
/// addresses, and the baseline when no main text is found.
struct HTMLPageFurnitureTests {
    private let paragraph =
        "Les intervenantes constatent, depuis la réforme, une hausse de la charge de travail, des délais et des cibles."

    @Test func datelinesAreFurniture() {
        for line in [
            "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019",
            "Publié le 12 mars 2024 à 10 h 30", "Mis à jour le 3 avril 2023",
            "segunda-feira, 22 de janeiro de 2018 às 0:13",
            "Nov. 20, 2019, 9:28 AM UTC", "2018-08-16", "Published November 20th, 2019 - 07:29 GMT",
        ] {
            #expect(HTMLDateline.isDateline(line), "\(line)")
        }
        for line in [
            "Le 12 mars 2024, le ministère a annoncé de nouvelles cibles.", "La réforme de 2015", "Chapitre 3",
            "Depuis 2015, la charge de travail augmente pour les intervenantes de la protection de la jeunesse.",
        ] {
            #expect(!HTMLDateline.isDateline(line), "\(line)")
        }
    }

    @Test func datelineParagraphLeavesButTableCellsStay() throws {
        let html = """
            <body><article><p>Publié le 12 mars 2024 à 10 h 30</p><p>\(paragraph)</p>
            <table><tr><th>Année</th><th>Cibles</th></tr><tr><td>2019</td><td>12</td></tr></table></article></body>
            """
        let texts = HTMLTestHelpers.blocks(try HTMLTestHelpers.extract(html)).map(\.text)
        #expect(!texts.contains("Publié le 12 mars 2024 à 10 h 30"))
        #expect(texts.contains(paragraph) && texts.contains("2019"))
    }

    @Test func galleriesAndTheirRepeatedCaptionsAreLeftOut() throws {
        let html = """
            <body><article><div class="photo-gallery"><ul><li><img alt=""><div class="caption">Une photo d’un CLSC.</div></li>
            <li><img alt=""><div class="caption">Une autre photo d’un CLSC.</div></li></ul></div>
            <p>\(paragraph)</p><figure><img alt=""><figcaption>Le graphique des cibles, 2015 à 2019.</figcaption></figure>
            <p>\(paragraph)</p></article></body>
            """
        let texts = HTMLTestHelpers.blocks(try HTMLTestHelpers.extract(html)).map(\.text)
        #expect(texts == [paragraph, "Le graphique des cibles, 2015 à 2019.", paragraph])
    }

    @Test func paywallWrapperKeepsTheTextItHolds() throws {
        let body = String(repeating: "\(paragraph) ", count: 4)
        let html = """
            <body><article><p>\(paragraph)</p><div class="paywall"><p>\(body)</p><p>\(body)</p></div>
            <div class="paywall-prompt"><p>Abonnez-vous pour lire la suite.</p></div></article></body>
            """
        let blocks = HTMLTestHelpers.blocks(try HTMLTestHelpers.extract(html))
        #expect(blocks.count == 3)
        #expect(!blocks.contains { $0.text.contains("Abonnez-vous") })
    }

    @Test func pageOfHeadingsOrLinksFallsBackToItsVisibleText() throws {
        let headings = try HTMLTestHelpers.extract(
            "<html><body><article><h2>Cas 1</h2><img alt=\"\"><h2>Cas 2</h2></article></body></html>")
        #expect(HTMLTestHelpers.blocks(headings).map(\.text) == ["Cas 1", "Cas 2"])
        #expect(!headings.warnings.contains(.noMainContent))
        let links = try HTMLTestHelpers.extract(
            "<html><body><nav><a href=\"/\">Accueil</a></nav><a href=\"/a\"><p>abc</p><p>def</p>ghi</a></body></html>")
        #expect(HTMLTestHelpers.blocks(links).map(\.text) == ["abc", "def", "ghi"])
    }

    @Test func bylineStopsAtItsDateAndGenericSignaturesGiveWay() throws {
        let dated = try HTMLTestHelpers.extract(
            """
            <body><div class="FeatureByline">Par <b>Jeanne Tremblay</b><br>12 mars 2024</div><p>\(paragraph)</p></body>
            """)
        #expect(dated.metadata.authors == ["Jeanne Tremblay"])
        let generic = try HTMLTestHelpers.extract(
            """
            <html><head><meta name="author" content="La rédaction"></head>
            <body><span class="auteur">Par Marie Gagnon</span><p>\(paragraph)</p></body></html>
            """)
        #expect(generic.metadata.authors == ["Marie Gagnon"])
        let onlyGeneric = try HTMLTestHelpers.extract(
            "<html><head><meta name=\"author\" content=\"La rédaction\"></head><body><p>\(paragraph)</p></body></html>")
        #expect(onlyGeneric.metadata.authors == ["La rédaction"])
    }

    @Test func dateFromTheAddressWhenThePageStatesNone() throws {
        #expect(HTMLURLDate.date(in: "https://www.ledevoir.com/2019/11/19/lean-sante") == "2019-11-19")
        #expect(HTMLURLDate.date(in: "https://example.org/blogue/2024-3-7-compressions") == "2024-03-07")
        #expect(HTMLURLDate.date(in: "https://example.org/nouvelles/20191119/cibles") == "2019-11-19")
        #expect(HTMLURLDate.date(in: "https://example.org/2019/13/40/x") == nil)
        #expect(HTMLURLDate.date(in: "https://2019.11.19.example.org/") == nil)
        let content = try HTMLTestHelpers.extract(
            """
            <html><head><link rel="canonical" href="https://example.org/2021/05/04/autonomie"></head>
            <body><p>\(paragraph)</p></body></html>
            """)
        #expect(content.metadata.date == "2021-05-04")
    }
}
