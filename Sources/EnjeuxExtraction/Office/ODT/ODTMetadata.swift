import EnjeuxModel
import LibXMLKit

/// The metadata of an OpenDocument text (`office:meta` of `meta.xml` or of a flat file):
/// title, authors (`meta:initial-creator`, the author; `dc:creator` is the last person who
/// saved it, used when there is no other), creation date (else the last save's), subject,
/// keywords, language, generator (as producer) and a user-defined `Company` (as publisher).
enum ODTMetadata {
    static func read(_ tree: XMLTree?) -> DocumentMetadata {
        var metadata = DocumentMetadata()
        guard let tree else { return metadata }
        let ns = ODFNamespaces(tree)
        guard let meta = (0..<tree.count).first(where: { tree.isElement($0, ns.office, "meta") }) else {
            return metadata
        }
        let value = { (namespace: Int, name: String) -> String? in
            tree.child(meta, namespace, name).flatMap { PDFMetadataMapper.cleaned(tree.text(of: $0)) }
        }
        if let title = value(ns.dc, "title"), !PDFMetadataMapper.looksLikeFileName(title) {
            metadata.title = title
            metadata.titleSource = .documentProperties
        }
        let author = value(ns.meta, "initial-creator") ?? value(ns.dc, "creator")
        metadata.authors = author.map(PDFMetadataMapper.splitAuthors) ?? []
        metadata.date =
            OfficeMetadata.date(value(ns.meta, "creation-date")) ?? OfficeMetadata.date(value(ns.dc, "date"))
        metadata.subject = value(ns.dc, "subject")
        metadata.keywords = tree.children(meta, ns.meta, "keyword").flatMap {
            OfficeMetadata.keywords(tree.text(of: $0))
        }
        metadata.language = value(ns.dc, "language")
        metadata.producer = value(ns.meta, "generator")
        for field in tree.children(meta, ns.meta, "user-defined")
        where (tree.attribute(field, ns.meta, "name") ?? "").lowercased() == "company" {
            metadata.publisher = PDFMetadataMapper.cleaned(tree.text(of: field))
        }
        return metadata
    }
}
