import EnjeuxModel
import LibXMLKit

/// Reads a Word document (`.docx`, `.docm`, `.dotx`) from its archive: the main document with
/// its styles, footnotes and endnotes (`DOCXBodyReader`), the metadata of `docProps`
/// (`DOCXMetadata`). Its pages are the ones Word recorded when it last laid the document out
/// (`w:lastRenderedPageBreak`, with the explicit breaks); a document without them (written by
/// another program) is one page whose blocks are numbered as paragraphs.
enum DOCXExtractor {
    static func extract(_ package: ZipPackage, mainPart: String, macroEnabled: Bool) throws(ExtractionFailure)
        -> ExtractedContent
    {
        let parts = DOCXPackage(
            mainPart: mainPart, macroEnabled: macroEnabled,
            relationships: try OfficeXMLPart.read(DOCXPackage.relationshipsPart(of: mainPart), from: package))
        guard let document = try OfficeXMLPart.read(parts.mainPart, from: package) else {
            throw .damagedDocument(detail: "the Word document has no \(parts.mainPart)")
        }
        let styles = try OfficeXMLPart.read(parts.styles, from: package).map { DOCXStyles(tree: $0) } ?? DOCXStyles()
        let footnotes =
            try OfficeXMLPart.read(parts.footnotes, from: package).map {
                DOCXNotes(tree: $0, element: "footnote", styles: styles)
            } ?? DOCXNotes()
        let endnotes =
            try OfficeXMLPart.read(parts.endnotes, from: package).map {
                DOCXNotes(tree: $0, element: "endnote", styles: styles)
            } ?? DOCXNotes()
        var reader = DOCXBodyReader(tree: document, styles: styles, footnotes: footnotes, endnotes: endnotes)
        let ns = OOXMLNamespaces(document)
        if let root = document.root, let body = document.child(root, ns.w, "body") {
            reader.readBlocks(in: body)
        }
        let layoutRecorded = reader.flow.hasRenderedBreaks
        let pages = reader.flow.pages(layoutRecorded: layoutRecorded)
        let metadata = DOCXMetadata.read(
            core: try OfficeXMLPart.read("docProps/core.xml", from: package),
            app: try OfficeXMLPart.read("docProps/app.xml", from: package))
        var warnings: [DocumentWarning] = []
        if macroEnabled || package.contains(inFolder(of: mainPart, "vbaProject.bin")) {
            warnings.append(.macrosNotRun)
        }
        if !pages.contains(where: { !$0.blocks.isEmpty }) { warnings.append(.noText) }
        return ExtractedContent(
            metadata: OfficeMetadata.withFallbackTitle(metadata, pages: pages), pages: pages, warnings: warnings)
    }

    private static func inFolder(of part: String, _ name: String) -> String {
        (part.split(separator: "/").dropLast().map(String.init) + [name]).joined(separator: "/")
    }
}
