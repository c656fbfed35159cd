import EnjeuxExtraction
import EnjeuxModel
import Foundation
import Testing
import ZIPFoundation

/// What the Word, OpenDocument and Markdown readers make of the features the test document
/// does not have: text boxes, symbols, fields, hidden text, endnotes, moves, tables of
/// contents; `text:s`, soft hyphens, frames; Markdown's other blocks; text encodings.
@Suite struct OfficeFeatureTests {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A minimal Word package around a body, with endnotes.
    static func docx(body: String, endnotes: String = "", styles: String = "") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-\(UUID().uuidString).docx")
        let archive = try Archive(url: url, accessMode: .create)
        let namespaces =
            "xmlns:w=\"\(w)\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
            + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
            + "xmlns:v=\"urn:schemas-microsoft-com:vml\""
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.document.main+xml\"/></Types>"
            ),
            ("word/document.xml", "<w:document \(namespaces)><w:body>\(body)</w:body></w:document>"),
            ("word/endnotes.xml", "<w:endnotes \(namespaces)>\(endnotes)</w:endnotes>"),
            ("word/styles.xml", "<w:styles \(namespaces)>\(styles)</w:styles>"),
        ]
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return url
    }

    static func blocks(_ url: URL) throws -> [Block] {
        defer { try? FileManager.default.removeItem(at: url) }
        return try DocumentExtractor.extract(fileAt: url).1.pages.flatMap(\.blocks)
    }

    static func file(_ text: String, _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func wordTextBoxesSymbolsFieldsAndHiddenText() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Avant la boîte </w:t></w:r>\
            <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>\
            <w:p><w:r><w:t>Texte de la boîte</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Texte de la boîte</w:t></w:r></w:p>\
            </w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>\
            <w:r><w:t>et après</w:t></w:r><w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>\
            <w:r><w:t xml:space="preserve"> 5</w:t></w:r></w:p>\
            <w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:fldSimple w:instr=" DATE "><w:r><w:t xml:space="preserve"> du 3 mars</w:t></w:r></w:fldSimple>\
            <w:r><w:rPr><w:vanish/></w:rPr><w:t>caché</w:t></w:r><w:r><w:t xml:space="preserve"> CI</w:t></w:r>\
            <w:r><w:noBreakHyphen/></w:r><w:r><w:t>SSS</w:t></w:r>\
            <w:moveFrom><w:r><w:t>ancien</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t xml:space="preserve"> déplacé</w:t></w:r></w:moveTo>\
            <w:r><w:endnoteReference w:id="2"/></w:r></w:p>\
            <w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>\
            <w:sdtContent><w:p><w:r><w:t>Contexte 1</w:t></w:r></w:p></w:sdtContent></w:sdt>\
            <w:p><w:pPr><w:pStyle w:val="Citation"/></w:pPr><w:r><w:t>Une citation.</w:t></w:r></w:p>
            """
        let endnotes = """
            <w:endnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>\
            <w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Note de fin.</w:t></w:r></w:p></w:endnote>
            """
        let styles = """
            <w:style w:type="paragraph" w:styleId="Citation"><w:name w:val="Quote"/></w:style>
            """
        let blocks = try Self.blocks(try Self.docx(body: body, endnotes: endnotes, styles: styles))
        #expect(
            blocks.map(\.text) == [
                "Avant la boîte et après≥ 5", "Texte de la boîte", "Page 4 du 3 mars CI\u{2011}SSS déplacé",
                "Note de fin.",
                "Une citation.",
            ])
        #expect(blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph, .footnote, .quote])
        #expect(blocks.map(\.paragraph) == [1, 2, 3, 3, 4])
    }

    @Test func openDocumentSpacesSoftHyphensFramesAndHiddenText() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
            xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
            office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
            <text:table-of-content><text:index-body><text:p>Contexte 1</text:p></text:index-body></text:table-of-content>
            <text:p>Deux<text:s text:c="3"/>mots, une op\u{AD}ti\u{AD}mi\u{AD}sa\u{AD}tion<text:tab/>et<text:line-break/>une fin\
            <draw:frame><draw:text-box><text:p>Dans le cadre</text:p></draw:text-box></draw:frame>\
            <draw:frame><draw:image/><svg:desc>Image sans texte</svg:desc></draw:frame>\
            <text:hidden-text text:string-value="caché"/><text:span>.</text:span></text:p>
            <text:numbered-paragraph><text:p>Un point numéroté</text:p></text:numbered-paragraph>
            </office:text></office:body></office:document>
            """
        let blocks = try Self.blocks(try Self.file(text, "note.fodt"))
        #expect(
            blocks.map(\.text) == [
                "Deux mots, une optimisation et une fin.", "Dans le cadre", "Un point numéroté",
            ])
        #expect(blocks.map(\.kind) == [.paragraph, .paragraph, .listItem])
    }

    @Test func flatSpreadsheetIsNotAText() throws {
        let text = """
            <?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body/></office:document>
            """
        let url = try Self.file(text, "tableur.fodt")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ExtractionFailure.unsupportedFormat(detail: "an OpenDocument spreadsheet")) {
            _ = try DocumentExtractor.extract(fileAt: url)
        }
    }

    @Test func markdownBlocksAndInlineMarkup() throws {
        let text = """
            Titre souligné
            ==============

            Un paragraphe avec un [lien](https://exemple.org) et une ![image](x.png) et du `code` \\*échappé\\*.

            > Une citation
            > sur deux lignes.

            1. premier
            2) second

            ```
            code gardé
            ```

            ---

            <!-- commentaire -->
            [ref]: https://exemple.org

            Appel de note[^n] et _emphase_ dans snake_case.

            [^orpheline]: Note que rien n’appelle.
            [^n]: Une note
              sur deux lignes.
            """
        let blocks = try Self.blocks(try Self.file(text, "note.md"))
        #expect(
            blocks.map(\.text) == [
                "Titre souligné", "Un paragraphe avec un lien et une et du code *échappé*.",
                "Une citation sur deux lignes.", "premier", "second", "code gardé",
                "Appel de note et emphase dans snake_case.", "Une note sur deux lignes.", "Note que rien n’appelle.",
            ])
        #expect(
            blocks.map(\.kind) == [
                .heading, .paragraph, .quote, .listItem, .listItem, .paragraph, .paragraph, .footnote, .footnote,
            ])
    }

    @Test func textEncodingsAreDetectedAsForHTML() throws {
        let sentence = "L’autonomie des équipes, « enfin »."
        let utf16: [UInt8] = [0xFF, 0xFE] + sentence.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let latin: [UInt8] =
            Array("Le comit".utf8) + [0xE9] + Array(" a d".utf8) + [0xE9, 0x63, 0x69, 0x64, 0xE9, 0x2E]
        for (bytes, expected) in [(utf16, sentence), (latin, "Le comité a décidé.")] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-\(UUID().uuidString).TXT")
            try Data(bytes).write(to: url)
            #expect(try Self.blocks(url).map(\.text) == [expected])
        }
    }

    /// White space as a reader sees it: runs of spaces (Unicode's too) are one, no-break
    /// spaces stay, soft hyphens and control characters go.
    @Test func whiteSpaceIsCollapsedAndNoBreakSpacesKept() throws {
        let text =
            "  Un\u{2003}\u{2003}texte\tavec\u{00A0}: des\u{202F}espaces, une op\u{AD}ti\u{AD}mi\u{AD}sa\u{AD}tion"
            + "\u{3000}et\u{2028}fin\u{0085}! \u{1F600}  \n"
        let url = try Self.file(text, "espaces.txt")
        #expect(
            try Self.blocks(url).map(\.text) == [
                "Un texte avec\u{00A0}: des\u{202F}espaces, une optimisation et fin ! \u{1F600}"
            ])
    }

    @Test func invalidFrontMatterIsKeptAsTextWithAWarning() throws {
        let url = try Self.file("---\n: [non\n---\n\nTexte.\n", "x.md")
        defer { try? FileManager.default.removeItem(at: url) }
        let content = try DocumentExtractor.extract(fileAt: url).1
        #expect(content.warnings.contains(.invalidFrontMatter))
    }
}
