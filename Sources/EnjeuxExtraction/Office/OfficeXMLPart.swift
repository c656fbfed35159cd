import EnjeuxModel
import LibXMLKit

/// Reads and parses one XML part of a Word or OpenDocument archive.
enum OfficeXMLPart {
    /// The part's tree, or nil when the archive has no entry of that name.
    static func read(_ name: String, from package: ZipPackage) throws(ExtractionFailure) -> XMLTree? {
        guard let bytes = try package.read(name) else { return nil }
        return try parse(bytes, name: name)
    }

    /// Parses the bytes of a part (or of a flat OpenDocument file) named `name` in messages.
    static func parse(_ bytes: [UInt8], name: String) throws(ExtractionFailure) -> XMLTree {
        do {
            return try XMLDocumentParser.parse(bytes)
        } catch {
            switch error {
            case .documentTypeDeclaration:
                throw .notADocument(
                    detail: "\(name) declares an XML document type, which no word processor writes: refused")
            case .inputTooLarge(let count):
                throw .tooLarge(detail: "\(name) holds \(count >> 20) MB")
            case .malformed(let line, let message):
                throw .damagedDocument(detail: "\(name) is not well-formed XML, line \(line): \(message)")
            }
        }
    }
}
