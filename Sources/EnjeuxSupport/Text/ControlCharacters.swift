/// Makes text that came from a document (a file name, a charset label, a title) safe to show
/// on a terminal or in a text report: every control character but the line break and the tab
/// (C0, DEL, the C1 range, and the line and paragraph separators) is written as a visible
/// escape such as `\u{1B}`, so that an ESC sequence cannot recolour or rewrite the terminal, a
/// BEL cannot ring and a NUL cannot cut the line. Text without such characters is returned as it is.
public enum ControlCharacters {
    /// True for the scalars `escaped(_:)` rewrites.
    @inline(__always)
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x0A && value != 0x09 }
        return value == 0x7F || (0x80...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }

    /// `text` with each control character (see the type) as `\u{…}` in hexadecimal; a line
    /// break is kept unless `keepingLineBreaks` is false (for one-line fields).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = true) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { needsEscape($0) || (!keepingLineBreaks && $0 == "\n") }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            if needsEscape(scalar) || (!keepingLineBreaks && scalar == "\n") {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
