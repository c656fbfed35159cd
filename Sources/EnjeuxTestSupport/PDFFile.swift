import Foundation

/// Assembles a PDF file from its objects, numbered from 1 in order (object 1 the catalog),
/// with the cross-reference table and trailer: what the tests' hand-made PDFs share.
public enum PDFFile {
    public static func assemble(_ objects: [Data]) -> Data {
        var bytes = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(bytes.count)
            bytes.append(Data("\(index + 1) 0 obj\n".utf8))
            bytes.append(object)
            bytes.append(Data("\nendobj\n".utf8))
        }
        let xref = bytes.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        bytes.append(Data(table.utf8))
        return bytes
    }
}
