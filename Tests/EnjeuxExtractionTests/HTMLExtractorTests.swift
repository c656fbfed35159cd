import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxExtraction
@testable import LibXMLKit

@Suite("HTML extraction on pages written in the tests")
struct HTMLExtractorTests {
    private func texts(_ html: String) throws -> [String] {
        HTMLTestHelpers.blocks(try HTMLTestHelpers.extract(html)).map(\.text)
    }

    @Test func inlineTagsDoNotSplitWords() throws {
        let html = """
            <html><body><article><p>Le 1<sup>er</sup> avril, l’outil est «&nbsp;<em>validé</em>&nbsp;» \
            par <a href="/x">la <strong>direction</strong></a> et <font color=red>ap</font><span>pliqué</span>.
            Deuxième<br>ligne.</p></article></body></html>
            """
        let blocks = try texts(html)
        #expect(
            blocks == [
                "Le 1er avril, l’outil est «\u{00A0}validé\u{00A0}» par la direction et appliqué. Deuxième ligne."
            ])
    }

    @Test func whitespaceCollapsesButNoBreakSpacesStay() throws {
        let blocks = try texts(
            "<body><p>  a \n\t b&nbsp;:&#160; c  </p><p>&nbsp;</p><p> \n </p></body>")
        #expect(blocks == ["a b\u{00A0}:\u{00A0} c"])
    }

    @Test func blockKindsAndHeadingLevels() throws {
        let html = """
            <body><article>
            <h1>Titre</h1><h3>Sous-titre</h3>
            <p>Un paragraphe assez long pour être du texte, avec une virgule.</p>
            <ul><li>Premier élément</li><li><p>Second élément</p></li></ul>
            <blockquote><p>Une citation.</p></blockquote>
            <figure><img src=x alt="image"><figcaption>Une légende</figcaption></figure>
            <table><caption>Tableau 1</caption><tr><th>Axe</th><td>Défi</td></tr></table>
            </article></body>
            """
        let blocks = HTMLTestHelpers.blocks(try HTMLTestHelpers.extract(html))
        let summary = blocks.map { "\($0.kind.rawValue)\($0.level.map(String.init) ?? ""):\($0.text)" }
        #expect(
            summary == [
                "heading1:Titre", "heading3:Sous-titre",
                "paragraph:Un paragraphe assez long pour être du texte, avec une virgule.",
                "list_item:Premier élément", "list_item:Second élément", "quote:Une citation.",
                "caption:Une légende", "caption:Tableau 1", "table_cell:Axe", "table_cell:Défi",
            ])
    }

    @Test func layoutTablesDoNotMakeTableCells() throws {
        let html = """
            <body><table role="presentation"><tr><td><h2>Dossier</h2>
            <p>Texte de l’infolettre, assez long pour compter comme du contenu, avec des virgules, et un point.</p>
            </td></tr></table></body>
            """
        let blocks = HTMLTestHelpers.blocks(try HTMLTestHelpers.extract(html))
        #expect(blocks.map(\.kind) == [.heading, .paragraph])
    }

    @Test func hiddenAndFurnitureAreDropped() throws {
        let html = """
            <html><head><title>T</title><script>var x = "script text";</script><style>p{}</style></head>
            <body>
            <div id="cookie-banner"><p>Ce site utilise des témoins pour mesurer l’audience du site.</p></div>
            <header class="site-header"><p>En-tête du site</p></header>
            <nav><a href="/">Accueil</a></nav>
            <div class="fil-ariane"><p>Accueil › Publications</p></div>
            <main>
              <p>Premier paragraphe de l’article, qui parle de la pratique professionnelle, longuement.</p>
              <p hidden>Texte caché par l’attribut.</p>
              <p aria-hidden="true">Texte caché aux lecteurs d’écran.</p>
              <p style="color: red; display : none">Texte caché par le style.</p>
              <div class="share"><p>Partager cette page</p></div>
              <noscript>Activez JavaScript.</noscript>
              <p>Second paragraphe de l’article, avec encore du texte et des virgules, pour la forme.</p>
            </main>
            <aside><p>Barre latérale</p></aside>
            <footer><p>Pied de page</p></footer>
            </body></html>
            """
        let blocks = try texts(html)
        #expect(
            blocks == [
                "Premier paragraphe de l’article, qui parle de la pratique professionnelle, longuement.",
                "Second paragraphe de l’article, avec encore du texte et des virgules, pour la forme.",
            ])
    }

    @Test func articleHeaderIsKeptButSiteHeaderIsNot() throws {
        let html = """
            <body><header><p>Nom du site</p></header>
            <article><header class="article-header"><h1>Le vrai titre</h1><p class="dek">Le chapeau de l’article.</p></header>
            <p>Le corps de l’article, avec une phrase assez longue, des virgules, et un point final.</p>
            <footer><p>Les textes n’engagent que leurs auteurs.</p></footer></article></body>
            """
        let content = try HTMLTestHelpers.extract(html)
        #expect(
            HTMLTestHelpers.blocks(content).map(\.text) == [
                "Le vrai titre", "Le chapeau de l’article.",
                "Le corps de l’article, avec une phrase assez longue, des virgules, et un point final.",
            ])
        #expect(content.metadata.title == "Le vrai titre")
        #expect(content.metadata.titleSource == .htmlH1)
    }

    @Test func articleIsPreferredToRelatedLinksInMain() throws {
        let body = String(repeating: "Une phrase de l’article, avec une virgule. ", count: 20)
        let html = """
            <body><main><article><p>\(body)</p></article>
            <div class="autres"><h2>Autres articles</h2><ul><li><a href="/a">Un titre d’article connexe</a></li>
            <li><a href="/b">Un autre titre d’article</a></li></ul></div></main></body>
            """
        let blocks = try texts(html)
        #expect(blocks.count == 1)
        #expect(blocks.first?.hasPrefix("Une phrase") == true)
    }

    @Test func scoringFindsArticleWithoutSemanticTags() throws {
        let paragraph =
            "Les intervenantes constatent, depuis la réforme, une hausse de la charge de travail, des délais et des cibles."
        let html = """
            <body><div id="top"><div class="liens"><a href="/1">Accueil</a> <a href="/2">Dossiers</a> <a href="/3">Nous joindre</a></div></div>
            <div id="colonne"><h3>Derniers communiqués</h3><ul><li><a href="/c1">Un communiqué récent sur un sujet</a></li>
            <li><a href="/c2">Un autre communiqué récent</a></li></ul></div>
            <div id="contenu"><h1>Le titre du communiqué</h1>
            <p>\(paragraph)</p><p>\(paragraph)</p><p>\(paragraph)</p></div>
            <div id="bas"><p>Adresse : 1000, rue de l’Exemple</p></div></body>
            """
        let blocks = try texts(html)
        #expect(blocks == ["Le titre du communiqué", paragraph, paragraph, paragraph])
    }

    @Test func pageWithoutTextWarns() throws {
        let html = """
            <html><head><title>App</title><script>boot()</script></head><body>
            <nav><ul><li><a href="/a">Protection du public</a></li></ul></nav><div id="app"></div>
            <noscript>Activez JavaScript pour consulter ce site.</noscript></body></html>
            """
        let content = try HTMLTestHelpers.extract(html)
        #expect(HTMLTestHelpers.blocks(content).isEmpty)
        #expect(content.pages.count == 1)
        #expect(content.pages.first?.number == 1)
        #expect(content.warnings.contains(.noMainContent))
    }

    @Test func metadataFromHead() throws {
        let html = """
            <!DOCTYPE html><html lang="fr-CA"><head>
            <title>Un titre | Le site</title>
            <meta property="og:title" content="Un titre">
            <meta name="author" content="Jeanne Tremblay">
            <meta property="article:author" content="https://www.facebook.com/jeanne">
            <meta property="article:published_time" content="2017-06-05T09:30:00-04:00">
            <meta property="og:site_name" content="Le site">
            <meta name="generator" content="WordPress 6.1">
            <meta name="keywords" content="lean, autonomie">
            <meta property="og:url" content="https://example.org/og">
            <link rel="canonical" href="https://example.org/canonique">
            </head><body><div><p>Un texte sans titre de niveau un, avec une virgule, assez long pour compter.</p></div></body></html>
            """
        let metadata = try HTMLTestHelpers.extract(html).metadata
        #expect(metadata.title == "Un titre")
        #expect(metadata.titleSource == .openGraph)
        #expect(metadata.authors == ["Jeanne Tremblay"])
        #expect(metadata.date == "2017-06-05")
        #expect(metadata.language == "fr-CA")
        #expect(metadata.url == "https://example.org/canonique")
        #expect(metadata.publisher == "Le site")
        #expect(metadata.producer == "WordPress 6.1")
        #expect(metadata.keywords == ["lean", "autonomie"])
    }

    @Test func titleFallsBackToHTMLTitleAndDateKeys() throws {
        let html = """
            <html><head><title> Seul   titre </title><meta name="DC.date" content="2016"></head>
            <body><p>Du texte, du texte, encore du texte pour un paragraphe de contenu.</p></body></html>
            """
        let metadata = try HTMLTestHelpers.extract(html).metadata
        #expect(metadata.title == "Seul titre")
        #expect(metadata.titleSource == .htmlTitle)
        #expect(metadata.date == "2016")
    }

    @Test func isoDates() {
        #expect(HTMLMetadataReader.isoDate("2015-02-07T11:42") == "2015-02-07")
        #expect(HTMLMetadataReader.isoDate("2015/02/07") == "2015-02-07")
        #expect(HTMLMetadataReader.isoDate("2015") == "2015")
        #expect(HTMLMetadataReader.isoDate("2015-13-40") == "2015")
        #expect(HTMLMetadataReader.isoDate("le 7 février") == nil)
        #expect(HTMLMetadataReader.isoDate("20150207") == nil)
    }

    @Test func pageWithNothingButMarkupIsReadWithAWarning() throws {
        for html in ["<!DOCTYPE html>\n<!-- vide -->\n", "<!-- rien -->", "<?xml version=\"1.0\"?><!DOCTYPE html>"] {
            let content = try HTMLExtractor().extract(data: Data(html.utf8))
            #expect(content.pages.count == 1 && content.pages[0].blocks.isEmpty, "\(html)")
            #expect(content.warnings.contains(.noMainContent), "\(html)")
        }
    }

    @Test func booleanAttributesWrittenBareKeepTheirMeaning() throws {
        // `hidden` written bare still hides; libxml2's own tree gave HTML 4 boolean attributes
        // (`selected`) their name as value, and the tree built from its events does the same.
        let html =
            "<html><body><article><p>Texte visible de l’article, assez long pour compter.</p>"
            + "<p hidden>Texte caché</p><select><option selected>Choix</option></select></article></body></html>"
        let parsed = try HTMLParser.parse(utf8: html)
        let option = try #require(parsed.tree.elements(named: "option").first)
        #expect(parsed.tree[option].attribute("selected") == "selected")
        let hidden = try #require(parsed.tree.elements(named: "p").last)
        #expect(parsed.tree[hidden].attribute("hidden") == "")
        let content = try HTMLExtractor().extract(data: Data(html.utf8))
        #expect(content.pages[0].blocks.map(\.text) == ["Texte visible de l’article, assez long pour compter."])
    }

    @Test func emptyDataIsAnError() {
        #expect(throws: ExtractionFailure.emptyFile) { try HTMLExtractor().extract(data: Data()) }
    }

    @Test func internalSubsetEntitiesStayLiteral() throws {
        let html = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <html><head><title>Avis</title></head><body><h1>Avis</h1><p>Contenu : &secret;</p></body></html>
            """
        let content = try HTMLTestHelpers.extract(html)
        #expect(HTMLTestHelpers.blocks(content).map(\.text) == ["Avis", "Contenu : &secret;"])
        #expect(!HTMLTestHelpers.plainText(content).contains("ENTITY"))
    }
}

@Suite("HTML parsing limits")
struct HTMLParsingLimitTests {
    @Test func twentyThousandNestedDivsKeepAllParagraphs() throws {
        let depth = 20_000
        let html =
            "<html><body><p>Avant l’imbrication, un paragraphe.</p>"
            + String(repeating: "<div>", count: depth) + "<p>Au fond de l’imbrication, un paragraphe.</p>"
            + String(repeating: "</div>", count: depth)
            + "<p>Après l’imbrication, un paragraphe.</p></body></html>"
        let content = try HTMLTestHelpers.extract(html)
        #expect(
            HTMLTestHelpers.blocks(content).map(\.text) == [
                "Avant l’imbrication, un paragraphe.", "Au fond de l’imbrication, un paragraphe.",
                "Après l’imbrication, un paragraphe.",
            ])
    }

    @Test func depthLimitWarns() throws {
        let html =
            String(repeating: "<div>", count: 60) + "<p>profond</p>"
            + String(repeating: "</div>", count: 60)
        let result = try HTMLParser.parse(utf8: html, maximumDepth: 40)
        #expect(result.cutAtDepth == 40)
        #expect(!result.tree.rawText(of: HTMLTree.rootIndex).contains("profond"))
    }

    @Test func treeIsInPreOrder() throws {
        let result = try HTMLParser.parse(utf8: "<HTML><Body><P CLASS=x>a<B>b</B>c</P></Body></HTML>")
        let tree = result.tree
        for index in 1..<tree.count {
            let parent = try #require(tree[index].parent)
            #expect(parent < index)
            #expect(tree[parent].children.contains(index))
        }
        let paragraph = try #require(tree.elements(named: "p").first)
        #expect(tree[paragraph].attribute("class") == "x")
        #expect(tree.rawText(of: paragraph) == "abc")
    }

    @Test func largeGeneratedPageFinishes() throws {
        let paragraph =
            "<p>L’Ordre est grandement sollicité face à la délocalisation des TS vers les GMF, et des travaux sont en cours.</p>\n"
        let count = 20_000
        let html =
            "<html><body><h1>Document volumineux</h1>\n" + String(repeating: paragraph, count: count)
            + "</body></html>"
        let start = ContinuousClock.now
        let content = try HTMLTestHelpers.extract(html)
        let elapsed = ContinuousClock.now - start
        let blocks = HTMLTestHelpers.blocks(content)
        #expect(blocks.count == count + 1)
        #expect(blocks.first?.kind == .heading)
        #expect(elapsed < .seconds(120))
    }
}

@Suite("HTML extraction edge cases")
struct HTMLExtractorEdgeCaseTests {
    @Test func nulCharactersDoNotEndTheDocument() throws {
        let html =
            "<body><p>Avant le caractère nul,\0 le texte continue.</p><p>Et un second paragraphe suit.</p></body>"
        let blocks = HTMLTestHelpers.blocks(try HTMLTestHelpers.extract(html)).map(\.text)
        #expect(blocks.count == 2)
        #expect(blocks.last == "Et un second paragraphe suit.")
    }

    @Test func libreOfficeHeaderFooterAndFootnotes() throws {
        let html = """
            <html><head><meta name="generator" content="LibreOffice 7.4"><meta name="created" content="2015-11-20T10:12:00">
            <title>Dossier</title></head><body>
            <div title="header"><p>Dossier optimisation</p></div>
            <p>Le texte du document, avec une note<a class="sdfootnoteanc" href="#sdfootnote1sym"><sup>1</sup></a> ici.</p>
            <div title="footer"><p>Page 1 de 5</p></div>
            <div id="sdfootnote1"><p><a class="sdfootnotesym" href="#sdfootnote1anc">1</a>Le texte de la note.</p></div>
            </body></html>
            """
        let content = try HTMLTestHelpers.extract(html)
        let blocks = HTMLTestHelpers.blocks(content)
        #expect(blocks.map(\.text) == ["Le texte du document, avec une note1 ici.", "1Le texte de la note."])
        #expect(blocks.last?.kind == .footnote)
        #expect(content.metadata.producer == "LibreOffice 7.4")
        #expect(content.metadata.date == "2015-11-20")
    }

    @Test func severalArticlesInSequenceAreAllKept() throws {
        let body = String(repeating: "Une phrase de billet, avec une virgule. ", count: 10)
        let html = """
            <body><div class="liste"><article><h2>Premier billet</h2><p>\(body)</p></article>
            <article><h2>Second billet</h2><p>\(body)</p></article></div></body>
            """
        let blocks = HTMLTestHelpers.blocks(try HTMLTestHelpers.extract(html))
        #expect(blocks.filter { $0.kind == .heading }.map(\.text) == ["Premier billet", "Second billet"])
    }

    @Test func concurrentExtractionsAgree() async throws {
        let paragraph = String(repeating: "Du texte d’article, avec des virgules, et des points. ", count: 8)
        let html = "<body><main><h1>Titre</h1>" + String(repeating: "<p>\(paragraph)</p>", count: 50) + "</main></body>"
        let expected = try HTMLTestHelpers.extract(html)
        let results = try await withThrowingTaskGroup(of: ExtractedContent.self) { group in
            for _ in 0..<8 {
                group.addTask { try HTMLExtractor().extract(data: Data(html.utf8)) }
            }
            var all: [ExtractedContent] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}
