import EnjeuxModel
import LibXMLKit

/// Where the parts of a Word document are in its archive: the main document that
/// `[Content_Types].xml` names, and the styles, footnotes and endnotes that the main
/// document's relationships name (Word's usual names when they are not given).
struct DOCXPackage {
    /// Entry name of the main document (`word/document.xml`).
    var mainPart: String
    /// True for a macro-enabled document or template (`.docm`, `.dotm`).
    var isMacroEnabled: Bool
    var styles: String
    var footnotes: String
    var endnotes: String

    /// The main part a content-types part names for a Word document, if any, and whether it is
    /// macro-enabled.
    static func mainPart(contentTypes tree: XMLTree) -> (name: String, macroEnabled: Bool)? {
        let ns = OOXMLNamespaces.index(tree, OOXMLNamespaces.contentTypes)
        guard let root = tree.root else { return nil }
        for override in tree.children(root, ns, "Override") {
            guard let type = tree.attribute(override, XMLTree.noNamespace, "ContentType"),
                let part = tree.attribute(override, XMLTree.noNamespace, "PartName"),
                isWordMainType(type)
            else { continue }
            return (String(part.drop(while: { $0 == "/" })), type.lowercased().contains("macroenabled"))
        }
        return nil
    }

    /// What another kind of Office document a content-types part describes, for the reason of
    /// refusing it (`a PowerPoint presentation`), or nil.
    static func otherOfficeKind(contentTypes tree: XMLTree) -> (description: String, conversion: String?)? {
        let ns = OOXMLNamespaces.index(tree, OOXMLNamespaces.contentTypes)
        guard let root = tree.root else { return nil }
        for override in tree.children(root, ns, "Override") {
            let type = (tree.attribute(override, XMLTree.noNamespace, "ContentType") ?? "").lowercased()
            guard type.hasSuffix("main+xml") else { continue }
            if type.contains("presentationml") || type.contains("ms-powerpoint") {
                return ("a PowerPoint presentation", "pdf")
            }
            if type.contains("spreadsheetml") || type.contains("ms-excel") { return ("an Excel workbook", nil) }
        }
        return nil
    }

    static func isWordMainType(_ type: String) -> Bool {
        let lower = type.lowercased()
        guard lower.hasSuffix("main+xml") else { return false }
        return lower.contains("wordprocessingml") || lower.contains("ms-word")
    }

    init(mainPart: String, macroEnabled: Bool, relationships: XMLTree?) {
        self.mainPart = mainPart
        self.isMacroEnabled = macroEnabled
        let folder = mainPart.split(separator: "/").dropLast().joined(separator: "/")
        let inFolder = { (name: String) in folder.isEmpty ? name : "\(folder)/\(name)" }
        styles = inFolder("styles.xml")
        footnotes = inFolder("footnotes.xml")
        endnotes = inFolder("endnotes.xml")
        guard let tree = relationships, let root = tree.root else { return }
        let ns = OOXMLNamespaces.index(tree, OOXMLNamespaces.relationships)
        for relationship in tree.children(root, ns, "Relationship") {
            guard let type = tree.attribute(relationship, XMLTree.noNamespace, "Type"),
                let target = tree.attribute(relationship, XMLTree.noNamespace, "Target"),
                tree.attribute(relationship, XMLTree.noNamespace, "TargetMode") != "External"
            else { continue }
            let name = target.hasPrefix("/") ? String(target.dropFirst()) : inFolder(target)
            if type.hasSuffix("/styles") { styles = name }
            if type.hasSuffix("/footnotes") { footnotes = name }
            if type.hasSuffix("/endnotes") { endnotes = name }
        }
    }

    /// The relationships part of a part (`word/_rels/document.xml.rels`).
    static func relationshipsPart(of part: String) -> String {
        var components = part.split(separator: "/").map(String.init)
        let file = components.popLast() ?? part
        return (components + ["_rels", file + ".rels"]).joined(separator: "/")
    }
}
