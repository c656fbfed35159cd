import EnjeuxModel
import Testing

@testable import EnjeuxExtraction

/// The title of a web page for citations.
struct HTMLTitleTests {
    private let paragraph =
        "<p>Les intervenantes constatent, depuis la réforme, une hausse de la charge de travail et des cibles.</p>"

    @Test func declaredTitleIsPreferredToTheHeading() throws {
        let html = """
            <html><head><title>Page d’essai</title></head>
            <body><article><h1>Lorem</h1>\(paragraph)</article></body></html>
            """
        let metadata = try HTMLTestHelpers.extract(html).metadata
        #expect(metadata.title == "Page d’essai")
        #expect(metadata.titleSource == .htmlTitle)
    }

    @Test func metaTitlesInOrderWithSpaceSeparatedProperties() throws {
        let html = """
            <html><head><title>Élément title</title>
            <meta property="og:title twitter:title" content="Titre de partage">
            <meta property="x:title dc:title" content="Titre Dublin Core">
            </head><body>\(paragraph)</body></html>
            """
        let metadata = try HTMLTestHelpers.extract(html).metadata
        #expect(metadata.title == "Titre Dublin Core")
        #expect(metadata.titleSource == .metaTitle)
    }

    @Test func siteNameIsRemovedWhenTheSiteIsKnown() {
        let metas = [
            "og:title": ["La gestion axée sur les résultats | Le Carrefour social"],
            "og:site_name": ["Le Carrefour social"],
        ]
        let choice = HTMLTitleChooser.choose(metas: metas, htmlTitle: nil, headline: nil, publisher: nil, heading: nil)
        #expect(choice == .init(title: "La gestion axée sur les résultats", source: .openGraph))
    }

    @Test func siteNameFromTheAddress() {
        let choice = HTMLTitleChooser.choose(
            metas: ["og:title": ["Travail social - Wikipédia"]], htmlTitle: nil, headline: nil, publisher: nil,
            heading: nil, url: "https://fr.wikipedia.org/wiki/Travail_social")
        #expect(choice?.title == "Travail social")
        #expect(HTMLTitleChooser.hostNames(of: "https://www.ledevoir.com/societe") == ["ledevoir"])
        #expect(HTMLTitleChooser.hostNames(of: "pas une adresse").isEmpty)
    }

    @Test func titleElementKeepsAShortTitleWhole() {
        let short = HTMLTitleChooser.choose(
            metas: [:], htmlTitle: "Mozilla - Wikipedia", headline: nil, publisher: nil, heading: nil)
        #expect(short?.title == "Mozilla - Wikipedia")
        let long = HTMLTitleChooser.choose(
            metas: [:], htmlTitle: "Compressions en santé : les services sociaux écopent | L’Écho", headline: nil,
            publisher: nil, heading: nil)
        #expect(long?.title == "Compressions en santé : les services sociaux écopent")
    }

    @Test func headlineIsTrustedWhenTheVisibleTitleAgrees() {
        let agrees = HTMLTitleChooser.choose(
            metas: ["og:title": ["Un titre court"]], htmlTitle: "Comment regarder les films de 2017 - Vox",
            headline: "Comment regarder les films de 2017", publisher: nil, heading: nil)
        #expect(agrees == .init(title: "Comment regarder les films de 2017", source: .structuredData))
        let description = HTMLTitleChooser.choose(
            metas: [:], htmlTitle: "Nouvelle-Zélande — Wikipédia", headline: "monarchie constitutionnelle d’Océanie",
            publisher: nil, heading: "Nouvelle-Zélande")
        #expect(description?.source == .htmlTitle)
    }

    @Test func headingIsTheLastResort() throws {
        let html = "<body><article><h1>Le seul titre</h1>\(paragraph)</article></body>"
        let content = try HTMLTestHelpers.extract(html)
        #expect(content.metadata.title == "Le seul titre")
        #expect(content.metadata.titleSource == .htmlH1)
        #expect(HTMLTestHelpers.blocks(content).first?.text == "Le seul titre")
    }

    @Test func headlineStaysInTheText() throws {
        let html = """
            <html><head><title>Lean en santé mentale : ce que les tableaux de bord ne voient pas — Carnet</title></head>
            <body><article><h1>Lean en santé mentale : ce que les tableaux de bord ne voient pas</h1>
            \(paragraph)</article></body></html>
            """
        let content = try HTMLTestHelpers.extract(html)
        #expect(HTMLTestHelpers.blocks(content).map(\.kind) == [.heading, .paragraph])
        #expect(content.metadata.title == "Lean en santé mentale : ce que les tableaux de bord ne voient pas")
    }
}
