import EnjeuxModel
import Foundation

/// Files in Microsoft's older container (OLE2 / Compound File Binary, magic `D0 CF 11 E0
/// A1 B1 1A E1`): a Word 97–2003 document (`.doc`, perhaps renamed `.docx`), a Word or other
/// Office Open XML file protected by a password (the encrypted package sits in an OLE2
/// container, with its `EncryptedPackage` stream), or another Office 97 document. None can be
/// read; each gets a reason that says what to do. The streams are told apart by the UTF-16
/// names of the container's directory entries.
enum CompoundFileSniffer {
    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// How much of the file is searched for the directory's names (directories sit near the
    /// start in files written by Office; a larger file is searched in its first 16 MB).
    static let searchLength = 16 << 20

    static func isCompoundFile(_ data: Data) -> Bool {
        data.count >= magic.count && data.prefix(magic.count).elementsEqual(magic)
    }

    /// The reason an OLE2 file is not read.
    static func failure(for data: Data) -> ExtractionFailure {
        let head = data.prefix(searchLength)
        if contains(head, name: "EncryptedPackage") || contains(head, name: "EncryptionInfo") {
            return .encrypted(.office)
        }
        if contains(head, name: "WordDocument") { return .oldBinaryOffice(.word) }
        if contains(head, name: "PowerPoint Document") { return .oldBinaryOffice(.powerPoint) }
        if contains(head, name: "Workbook") || contains(head, name: "Book") { return .oldBinaryOffice(.excel) }
        return .oldBinaryOffice(.other)
    }

    /// True when the UTF-16LE form of `name` occurs in the bytes.
    private static func contains(_ data: Data, name: String) -> Bool {
        var pattern: [UInt8] = []
        for unit in name.utf16 {
            pattern.append(UInt8(unit & 0xFF))
            pattern.append(UInt8(unit >> 8))
        }
        return data.range(of: Data(pattern)) != nil
    }
}
