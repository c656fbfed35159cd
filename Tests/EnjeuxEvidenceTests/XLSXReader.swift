import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads back what the tests need of an `.xlsx`: its entries, the sheet names, and each
/// sheet's cells (text resolved through the shared strings, numbers as written).
struct XLSXReader {
    enum Cell: Equatable, CustomStringConvertible {
        case text(String)
        case number(String)

        var description: String {
            switch self {
            case .text(let text): "text(\(text.debugDescription))"
            case .number(let text): "number(\(text))"
            }
        }
    }

    struct Unreadable: Error {
        var message: String
    }

    /// The entries in archive order with their bytes.
    var entries: [(path: String, data: Data, date: Date?)] = []

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            entries.append((entry.path, bytes, entry.fileAttributes[.modificationDate] as? Date))
        }
    }

    func part(_ path: String) throws -> Data {
        guard let entry = entries.first(where: { $0.path == path }) else { throw Unreadable(message: "no \(path)") }
        return entry.data
    }

    func text(_ path: String) throws -> String { String(decoding: try part(path), as: UTF8.self) }

    var sheetNames: [String] {
        get throws {
            try XMLElements.parse(part("xl/workbook.xml")).filter { $0.name == "sheet" }.map {
                $0.attributes["name"] ?? ""
            }
        }
    }

    var sharedStrings: [String] {
        get throws {
            try XMLElements.parse(part("xl/sharedStrings.xml")).filter { $0.name == "t" }.map { Self.decoded($0.text) }
        }
    }

    /// `_xHHHH_` sequences (ECMA-376 `ST_Xstring`) as the characters they stand for.
    static func decoded(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.append(scalar)
                index += 7
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// The rows of the `index`-th sheet (from 0): cells in column order, an empty cell as nil.
    func rows(ofSheet index: Int) throws -> [[Cell?]] {
        let strings = try sharedStrings
        var rows: [[Cell?]] = []
        var reference = ""
        var type: String?
        for element in try XMLElements.parse(part("xl/worksheets/sheet\(index + 1).xml")) {
            switch element.name {
            case "row":
                rows.append([])
            case "c":
                reference = element.attributes["r"] ?? ""
                type = element.attributes["t"]
            case "v":
                let column = Self.columnIndex(reference)
                while rows[rows.count - 1].count < column { rows[rows.count - 1].append(nil) }
                guard type != "s" else {
                    guard let index = Int(element.text), index < strings.count else {
                        throw Unreadable(message: "bad string index \(element.text)")
                    }
                    rows[rows.count - 1].append(.text(strings[index]))
                    continue
                }
                rows[rows.count - 1].append(.number(element.text))
            default:
                break
            }
        }
        return rows
    }

    /// 0-based index of the column of a reference such as `AB12`.
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars where ("A"..."Z").contains(scalar) {
            index = index * 26 + Int(scalar.value) - 64
        }
        return index - 1
    }
}

/// Every element of an XML document in document order, with its attributes and its own text.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ data: Data) throws -> [Element] {
        let reader = XMLElements()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader.elements
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}
