/// The character a `w:sym` element shows. Word stores a symbol font's characters in the
/// private-use range F000–F0FF; the common ones of Symbol and Wingdings are mapped to their
/// Unicode equivalents, the others (pictograms with no equivalent) left out.
enum DOCXSymbols {
    /// Symbol font: Greek letters and the mathematical and typographic signs of a text.
    static let symbol: [UInt8: Unicode.Scalar] = {
        var table: [UInt8: Unicode.Scalar] = [:]
        let greekCapitals = Array("ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ".unicodeScalars)
        let greekSmall = Array("αβχδεφγηιϕκλμνοπθρστυϖωξψζ".unicodeScalars)
        for (offset, scalar) in greekCapitals.enumerated() { table[UInt8(0x41 + offset)] = scalar }
        for (offset, scalar) in greekSmall.enumerated() { table[UInt8(0x61 + offset)] = scalar }
        let signs: [(UInt8, Unicode.Scalar)] = [
            (0x22, "∀"), (0x24, "∃"), (0x27, "∋"), (0x2A, "∗"), (0x2D, "−"), (0x40, "≅"), (0x5C, "∴"),
            (0x5E, "⊥"), (0xA3, "≤"), (0xA5, "∞"), (0xAB, "↔"), (0xAC, "←"), (0xAD, "↑"), (0xAE, "→"),
            (0xAF, "↓"), (0xB0, "°"), (0xB1, "±"), (0xB3, "≥"), (0xB4, "×"), (0xB5, "∝"), (0xB7, "•"),
            (0xB8, "÷"), (0xB9, "≠"), (0xBA, "≡"), (0xBB, "≈"), (0xBC, "…"), (0xC5, "⊕"), (0xC6, "∅"),
            (0xC7, "∩"), (0xC8, "∪"), (0xCE, "∈"), (0xD1, "∇"), (0xD2, "®"), (0xD3, "©"), (0xD4, "™"),
            (0xD5, "∏"), (0xD6, "√"), (0xD7, "⋅"), (0xD8, "¬"), (0xD9, "∧"), (0xDA, "∨"), (0xDB, "⇔"),
            (0xDC, "⇐"), (0xDE, "⇒"), (0xE5, "∑"), (0xF2, "∫"),
        ]
        for (code, scalar) in signs { table[code] = scalar }
        return table
    }()

    /// Wingdings: the bullets, arrows and check marks used in lists and forms.
    static let wingdings: [UInt8: Unicode.Scalar] = [
        0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x75: "◆", 0x76: "❖", 0x9F: "•", 0xA7: "▪", 0xA8: "◻",
        0xD8: "➢", 0xE0: "→", 0xE8: "➔", 0xF0: "⇨", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
    ]

    /// The text of a symbol (`w:char` in hexadecimal, `w:font`); empty when it has none.
    static func text(char: String?, font: String?) -> String {
        guard let char, let code = UInt32(char, radix: 16) else { return "" }
        let low = code >= 0xF000 && code <= 0xF0FF ? UInt8(code - 0xF000) : nil
        let fontName = (font ?? "").lowercased()
        if let low {
            if fontName.hasPrefix("wingdings") { return wingdings[low].map { String($0) } ?? "" }
            if fontName.hasPrefix("symbol") { return symbol[low].map { String($0) } ?? "" }
            return (0x20..<0x7F).contains(low) ? String(Unicode.Scalar(low)) : ""
        }
        if fontName.hasPrefix("symbol"), code <= 0xFF, let scalar = symbol[UInt8(code)] { return String(scalar) }
        return Unicode.Scalar(code).map { String($0) } ?? ""
    }
}
