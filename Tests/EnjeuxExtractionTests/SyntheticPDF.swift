import EnjeuxTestSupport
import Foundation

/// Writes one-page PDFs of Helvetica text for the OCR tests, with the font's ToUnicode map chosen
/// by the test: none (the text layer reads right), every character mapped to a private-use code
/// point (a font without a usable Unicode mapping), or letters shifted in the alphabet (a font
/// whose codes name the wrong letters). The page shows the right text in every case.
enum SyntheticPDF {
    enum TextMap {
        case faithful
        case privateUse
        case shiftedLetters(Int)
    }

    /// A Letter page with `lines` in 13-point Helvetica from the top left, WinAnsi-encoded.
    static func page(lines: [String], map: TextMap) -> Data {
        var content = "BT /F1 13 Tf 16 TL 72 720 Td\n"
        for line in lines { content += "(" + literal(line) + ") Tj T*\n" }
        content += "ET\n"
        return page(content: content, map: map)
    }

    /// Text in 11-point Helvetica whose first line's baseline is at (x, y), 14 points apart.
    static func text(_ lines: [String], x: Double, y: Double) -> String {
        var content = "BT /F1 11 Tf 14 TL \(x) \(y) Td\n"
        for line in lines { content += "(" + literal(line) + ") Tj T*\n" }
        return content + "ET\n"
    }

    /// A Letter page drawing `content` (PDF operators, font /F1 being Helvetica), `copies`
    /// times over (a document of that many pages).
    static func page(content: String, map: TextMap = .faithful, copies: Int = 1) -> Data {
        let toUnicode = cmap(for: map)
        let page =
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        let firstCopy = toUnicode == nil ? 6 : 7
        let kids = ["3 0 R"] + (1..<max(copies, 1)).map { "\(firstCopy + $0 - 1) 0 R" }
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(kids.count) >>",
            page,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
                + (toUnicode == nil ? "" : " /ToUnicode 6 0 R") + " >>",
            stream(content),
        ]
        if let toUnicode { objects.append(stream(toUnicode)) }
        objects += Array(repeating: page, count: kids.count - 1)
        return PDFFile.assemble(objects.map(latin1))
    }

    private static func stream(_ text: String) -> String {
        "<< /Length \(latin1(text).count) >>\nstream\n\(text)endstream"
    }

    /// The text as a PDF literal string: WinAnsi characters (Latin-1, and ’ as 0x92), with
    /// `\`, `(` and `)` escaped.
    private static func literal(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "(", ")": out += "\\" + String(scalar)
            case "\u{2019}": out += "\u{92}"
            default: out.unicodeScalars.append(scalar.value < 0x100 ? scalar : "?")
            }
        }
        return out
    }

    private static func latin1(_ text: String) -> Data {
        Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    }

    /// The ToUnicode CMap of a map (nil for the font's own encoding).
    private static func cmap(for map: TextMap) -> String? {
        var pairs: [(UInt8, UInt32)] = []
        switch map {
        case .faithful:
            return nil
        case .privateUse:
            for code in 0x21...0xFF { pairs.append((UInt8(code), 0xE000 + UInt32(code))) }
        case .shiftedLetters(let shift):
            for (base, count) in [(0x41, 26), (0x61, 26)] {
                for offset in 0..<count {
                    pairs.append((UInt8(base + offset), UInt32(base + (offset + shift) % count)))
                }
            }
        }
        var text = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        text += "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        text += "/CMapName /Enjeux-Test def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        var start = 0
        while start < pairs.count {
            let chunk = pairs[start..<min(start + 100, pairs.count)]
            text += "\(chunk.count) beginbfchar\n"
            for (code, unicode) in chunk { text += String(format: "<%02X> <%04X>\n", code, unicode) }
            text += "endbfchar\n"
            start += 100
        }
        text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return text
    }
}
