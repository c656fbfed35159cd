import CLibXML2
import Foundation
import Testing

@testable import LibXMLKit

/// The entity loader is process-wide: once the guard is installed, even libxml2's XML
/// parser asked to substitute entities and load DTDs (which the HTML path never does)
/// gets nothing from a file.
@Suite("libxml2 external entity guard")
struct HTMLEntityLoaderTests {
    /// Parses XML whose external entity points at `url`, with substitution on; returns the text.
    private func textOfDocument(withEntityAt url: String) -> String {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"\(url)\">]><r>[&e;]</r>"
        let options =
            Int32(XML_PARSE_NOENT.rawValue) | Int32(XML_PARSE_DTDLOAD.rawValue)
            | Int32(XML_PARSE_NOERROR.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue)
        var bytes = Array(xml.utf8CString)
        guard let document = xmlReadMemory(&bytes, Int32(bytes.count - 1), nil, "UTF-8", options) else { return "" }
        defer { xmlFreeDoc(document) }
        var text = ""
        var stack: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(document) { stack.append(root) }
        while let node = stack.popLast() {
            if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content {
                text += String(cString: content)
            }
            var child = node.pointee.children
            while let current = child {
                stack.append(current)
                child = current.pointee.next
            }
        }
        return text
    }

    @Test func fileEntitiesAreNotRead() throws {
        EntityLoaderGuard.install()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "enjeux-entity-\(UUID().uuidString).txt")
        try Data("secret-marker".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let text = textOfDocument(withEntityAt: file.absoluteString)
        #expect(text.contains("["))
        #expect(!text.contains("secret-marker"))
        #expect(!textOfDocument(withEntityAt: file.path).contains("secret-marker"))
    }
}
