import Foundation
import ZIPFoundation

/// Why a workbook could not be made into an `.xlsx` (the zip library failed).
package struct WorkbookError: Error, Sendable, Hashable, CustomStringConvertible {
    package var reason: String

    package init(reason: String) {
        self.reason = reason
    }

    package var description: String { reason }
}

/// A workbook as the bytes of an `.xlsx` file: a zip of SpreadsheetML parts, built in memory.
/// The bytes depend only on the workbook: entries in a fixed order, each dated 1980-01-01
/// 00:00 (the first date a zip can hold) with the same permissions, so two runs give the same
/// file.
package enum WorkbookFile {
    /// The date of every entry.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The parts of the package, in the order they are zipped: paths and XML.
    static func parts(of workbook: Workbook) -> [(path: String, xml: String)] {
        var names = SheetNames()
        let sheetNames = workbook.sheets.map { names.claim($0.name) }
        var strings = SharedStrings()
        let sheets = workbook.sheets.enumerated().map { index, sheet in
            ("xl/" + WorkbookXML.sheetPath(index), WorksheetXML.xml(sheet, selected: index == 0, strings: &strings))
        }
        return [
            ("[Content_Types].xml", WorkbookXML.contentTypes(sheetCount: sheetNames.count)),
            ("_rels/.rels", WorkbookXML.packageRelations),
            ("xl/workbook.xml", WorkbookXML.workbook(sheetNames: sheetNames)),
            ("xl/_rels/workbook.xml.rels", WorkbookXML.workbookRelations(sheetCount: sheetNames.count)),
            ("xl/styles.xml", WorkbookXML.styles),
        ] + sheets + [("xl/sharedStrings.xml", strings.xml)]
    }

    /// The `.xlsx` file's bytes.
    package static func data(_ workbook: Workbook) throws(WorkbookError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for (path, xml) in parts(of: workbook) {
                let bytes = Data(xml.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: entryDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    let start = Int(position)
                    return bytes.subdata(in: start..<min(bytes.count, start + size))
                }
            }
            guard let data = archive.data else { throw WorkbookError(reason: "the zip archive has no bytes") }
            return data
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(reason: "cannot zip the workbook (\(error))")
        }
    }
}
