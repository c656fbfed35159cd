import LibXMLKit

/// The namespaces of Office Open XML that the Word reader uses, resolved once per part. A
/// vocabulary published under two URIs (transitional and strict) is matched under either;
/// a namespace the part does not use gets an index that no name has.
struct OOXMLNamespaces {
    static let wordprocessing = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let markupCompatibility = ["http://schemas.openxmlformats.org/markup-compatibility/2006"]
    static let math = [
        "http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math",
    ]
    static let contentTypes = ["http://schemas.openxmlformats.org/package/2006/content-types"]
    static let relationships = ["http://schemas.openxmlformats.org/package/2006/relationships"]
    static let coreProperties = [
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "http://schemas.openxmlformats.org/officedocument/2006/metadata/core-properties",
    ]
    static let extendedProperties = [
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    ]
    static let dublinCore = ["http://purl.org/dc/elements/1.1/"]
    static let dublinCoreTerms = ["http://purl.org/dc/terms/"]

    /// An index no name has.
    static let absent = -2

    let w: Int
    let mc: Int
    let m: Int

    init(_ tree: XMLTree) {
        w = Self.index(tree, Self.wordprocessing)
        mc = Self.index(tree, Self.markupCompatibility)
        m = Self.index(tree, Self.math)
    }

    static func index(_ tree: XMLTree, _ uris: [String]) -> Int {
        tree.namespace(anyOf: uris) ?? absent
    }
}
