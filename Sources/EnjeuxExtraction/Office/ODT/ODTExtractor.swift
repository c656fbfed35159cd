import EnjeuxModel
import LibXMLKit

/// Reads an OpenDocument text: from its archive (`.odt`: `content.xml` with `styles.xml` and
/// `meta.xml`), or flat (`.fodt`: one XML file holding all three). Its pages are the ones
/// LibreOffice recorded when it last laid the document out (`text:soft-page-break`, with the
/// explicit breaks of the styles); a document that records none is one page whose blocks are
/// numbered as paragraphs.
enum ODTExtractor {
    /// The media types of OpenDocument texts (and their templates and master documents).
    static let textTypes = [
        "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template",
        "application/vnd.oasis.opendocument.text-master",
    ]

    static func extract(_ package: ZipPackage) throws(ExtractionFailure) -> ExtractedContent {
        if try isEncrypted(package) {
            throw .encrypted(.openDocument)
        }
        guard let content = try OfficeXMLPart.read("content.xml", from: package) else {
            throw .damagedDocument(detail: "the OpenDocument file has no content.xml")
        }
        let styles = try OfficeXMLPart.read("styles.xml", from: package)
        let meta = try OfficeXMLPart.read("meta.xml", from: package)
        return read(content: content, styles: [styles, content].compactMap { $0 }, meta: meta)
    }

    /// A flat OpenDocument text (`.fodt`).
    static func extractFlat(_ bytes: [UInt8], name: String) throws(ExtractionFailure) -> ExtractedContent {
        let tree = try OfficeXMLPart.parse(bytes, name: name)
        let ns = ODFNamespaces(tree)
        if let root = tree.root, let type = tree.attribute(root, ns.office, "mimetype"), !textTypes.contains(type) {
            throw OfficeArchiveReader.otherOpenDocument(type)
        }
        return read(content: tree, styles: [tree], meta: tree)
    }

    private static func read(content: XMLTree, styles: [XMLTree], meta: XMLTree?) -> ExtractedContent {
        let ns = ODFNamespaces(content)
        var reader = ODTBodyReader(tree: content, styles: ODTStyles(trees: styles))
        var layoutRecorded = false
        if let text = (0..<content.count).first(where: { content.isElement($0, ns.office, "text") }) {
            layoutRecorded = content.attribute(text, ns.text, "use-soft-page-breaks") == "true"
            reader.readBlocks(in: text)
        }
        layoutRecorded = layoutRecorded || reader.flow.hasRenderedBreaks
        let pages = reader.flow.pages(layoutRecorded: layoutRecorded)
        var warnings: [DocumentWarning] = []
        if !pages.contains(where: { !$0.blocks.isEmpty }) { warnings.append(.noText) }
        return ExtractedContent(
            metadata: OfficeMetadata.withFallbackTitle(ODTMetadata.read(meta), pages: pages), pages: pages,
            warnings: warnings)
    }

    /// True when the manifest says `content.xml` is encrypted.
    private static func isEncrypted(_ package: ZipPackage) throws(ExtractionFailure) -> Bool {
        guard let manifest = try OfficeXMLPart.read("META-INF/manifest.xml", from: package) else { return false }
        let ns = ODFNamespaces(manifest)
        for position in 0..<manifest.count where manifest.isElement(position, ns.manifest, "file-entry") {
            if manifest.attribute(position, ns.manifest, "full-path") == "content.xml",
                manifest.child(position, ns.manifest, "encryption-data") != nil
            {
                return true
            }
        }
        return false
    }
}
