import LibXMLKit

/// The OpenDocument namespaces the reader uses, resolved once per tree (an index no name has
/// for those the tree does not use).
struct ODFNamespaces {
    let office: Int
    let text: Int
    let table: Int
    let style: Int
    let fo: Int
    let draw: Int
    let meta: Int
    let dc: Int
    let manifest: Int

    init(_ tree: XMLTree) {
        let index = { (uri: String) in tree.namespace(uri) ?? OOXMLNamespaces.absent }
        office = index("urn:oasis:names:tc:opendocument:xmlns:office:1.0")
        text = index("urn:oasis:names:tc:opendocument:xmlns:text:1.0")
        table = index("urn:oasis:names:tc:opendocument:xmlns:table:1.0")
        style = index("urn:oasis:names:tc:opendocument:xmlns:style:1.0")
        fo = index("urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")
        draw = index("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0")
        meta = index("urn:oasis:names:tc:opendocument:xmlns:meta:1.0")
        dc = index("http://purl.org/dc/elements/1.1/")
        manifest = index("urn:oasis:names:tc:opendocument:xmlns:manifest:1.0")
    }
}
