import EnjeuxModel
import Foundation
import LibXMLKit

/// Opens a zip archive and reads the document it holds, whatever its name says: a Word
/// document (its `[Content_Types].xml` names a word-processing main part) or an OpenDocument
/// text (its `mimetype` entry). Any other archive gets a reason: another Office or
/// OpenDocument kind (a presentation, a spreadsheet) with a conversion hint where one helps,
/// a zip whose entries are password-protected, or a zip of something else.
package enum OfficeArchiveReader {
    package static func extract(fileAt url: URL, limits: ZipLimits = ZipLimits()) throws(ExtractionFailure) -> (
        FileFormat, ExtractedContent
    ) {
        let package = try ZipPackage(url: url, limits: limits)
        if let mimetype = try package.read("mimetype") {
            let type = String(decoding: mimetype.prefix(200), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            if ODTExtractor.textTypes.contains(type) { return (.odt, try ODTExtractor.extract(package)) }
            if type.hasPrefix("application/vnd.oasis.opendocument.") { throw otherOpenDocument(type) }
        }
        if let contentTypes = try OfficeXMLPart.read("[Content_Types].xml", from: package) {
            if let main = DOCXPackage.mainPart(contentTypes: contentTypes) {
                return (.docx, try DOCXExtractor.extract(package, mainPart: main.name, macroEnabled: main.macroEnabled))
            }
            if let other = DOCXPackage.otherOfficeKind(contentTypes: contentTypes) {
                throw .unsupportedFormat(detail: hinted(other.description, other.conversion))
            }
        }
        if package.contains("content.xml"), package.contains("META-INF/manifest.xml") {
            return (.odt, try ODTExtractor.extract(package))
        }
        if package.hasUnreadableEntries {
            throw .encrypted(.zipEntries)
        }
        let shown = package.names.prefix(3).joined(separator: ", ")
        let more = package.names.count > 3 ? ", …" : ""
        throw .notADocument(
            detail:
                "a zip archive of \(package.names.count) files (\(shown)\(more)), not a Word or OpenDocument document")
    }

    /// The reason for an OpenDocument file that is not a text.
    static func otherOpenDocument(_ type: String) -> ExtractionFailure {
        let kind = type.replacingOccurrences(of: "application/vnd.oasis.opendocument.", with: "")
        switch kind {
        case "presentation", "presentation-template":
            return .unsupportedFormat(detail: hinted("an OpenDocument presentation", "pdf"))
        case "spreadsheet", "spreadsheet-template": return .unsupportedFormat(detail: "an OpenDocument spreadsheet")
        default: return .unsupportedFormat(detail: "an OpenDocument \(kind), not a text")
        }
    }

    /// A reason with the LibreOffice command that would convert the file, when there is one.
    static func hinted(_ description: String, _ target: String?) -> String {
        guard let target else { return "\(description), not a text document" }
        return "\(description); convert it with LibreOffice: soffice --headless --convert-to \(target) FILE"
    }
}
