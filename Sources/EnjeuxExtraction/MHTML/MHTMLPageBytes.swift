import EnjeuxModel
import Foundation

/// The page's bytes as the HTML extractor should read them. The archive's `charset`
/// parameter is the page's transport encoding, which outranks a `<meta>` declaration inside
/// the page (as an HTTP header does). The HTML encoding detector trusts a byte-order mark
/// above everything else, so a page with a known charset is handed over with one: UTF-8
/// and UTF-16 pages as they are behind the mark, single-byte pages decoded by table and
/// handed over as UTF-8. A page with a mark of its own, no charset or an unknown one is
/// handed over unchanged, for the detector to read its `<meta>` or sniff it.
enum MHTMLPageBytes {
    static let utf8Mark: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let utf16LittleEndianMark: [UInt8] = [0xFF, 0xFE]
    static let utf16BigEndianMark: [UInt8] = [0xFE, 0xFF]

    /// The bytes to extract, and a warning when the charset could not be honoured.
    static func forExtraction(_ page: MHTMLPage) -> (data: Data, warnings: [DocumentWarning]) {
        let html = page.html
        let hasMark = [utf8Mark, utf16LittleEndianMark, utf16BigEndianMark].contains { html.starts(with: $0) }
        guard let label = page.charset, !hasMark else { return (Data(html), []) }
        switch label.trimmingCharacters(in: .whitespaces).lowercased() {
        case "utf-16le": return (Data(utf16LittleEndianMark + html), [])
        // RFC 2781: UTF-16 without a mark is big-endian.
        case "utf-16be", "utf-16": return (Data(utf16BigEndianMark + html), [])
        default: break
        }
        switch HTMLEncodingDetector.encoding(forLabel: label) {
        case .utf8:
            if String(validating: html, as: UTF8.self) != nil { return (Data(utf8Mark + html), []) }
            return (
                utf8WithMark(SingleByteTable.decodeWindows1252(html)),
                [.webArchiveInvalidUTF8]
            )
        case .windows1252: return (utf8WithMark(SingleByteTable.decodeWindows1252(html)), [])
        case .iso885915: return (utf8WithMark(SingleByteTable.decodeISO885915(html)), [])
        case .utf16LittleEndian, .utf16BigEndian, nil:
            return (Data(html), [.webArchiveUnknownCharset(label)])
        }
    }

    private static func utf8WithMark(_ text: String) -> Data {
        var data = Data(utf8Mark)
        data.append(contentsOf: text.utf8)
        return data
    }
}
