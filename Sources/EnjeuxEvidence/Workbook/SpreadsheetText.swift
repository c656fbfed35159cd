/// Text as SpreadsheetML stores it (ECMA-376 `ST_Xstring` in XML 1.0): `&`, `<`, `>` (and `"`
/// in attributes) become references; a carriage return becomes `&#13;` (XML readers turn a raw
/// one into a line feed); characters XML 1.0 forbids (controls other than tab, line feed and
/// carriage return; U+FFFE, U+FFFF) are written `_xHHHH_`, and so is the `_` that starts
/// text of that form in the original (`_x005F_`), so that readers decode it back exactly.
enum SpreadsheetText {
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where attribute: out.append(contentsOf: "&quot;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\t" where attribute: out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n" where attribute: out.append(contentsOf: "&#10;".unicodeScalars)
            case "_" where startsEscapeSequence(scalars, at: index):
                out.append(contentsOf: "_x005F_".unicodeScalars)
            default:
                if isForbidden(scalar) {
                    out.append(contentsOf: hexEscape(scalar).unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// Whether XML 1.0 forbids the character in a document.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }

    /// `_xHHHH_` (upper-case hexadecimal) for a character below U+10000.
    private static func hexEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
    }

    /// Whether `_xHHHH_` starts at `index` (four hexadecimal digits, either case).
    private static func startsEscapeSequence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
