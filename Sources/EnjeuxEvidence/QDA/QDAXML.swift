/// A small writer of indented XML for the REFI-QDA files: elements opened and closed in
/// order, attributes in the order given, text escaped.
struct QDAXML {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    private var depth = 0

    /// `<name a="…">` (or `<name a="…"/>` when `empty`).
    mutating func open(_ name: String, _ attributes: [(String, String?)] = [], empty: Bool = false) {
        text += String(repeating: "  ", count: depth) + "<" + name
        for case (let key, let value?) in attributes {
            text += " \(key)=\"\(Self.escape(value))\""
        }
        text += empty ? "/>\n" : ">\n"
        if !empty { depth += 1 }
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += String(repeating: "  ", count: depth) + "</\(name)>\n"
    }

    /// `<name>text</name>` on one line.
    mutating func element(_ name: String, _ content: String) {
        text += String(repeating: "  ", count: depth) + "<\(name)>\(Self.escape(content))</\(name)>\n"
    }

    /// Text escaped for element content and double-quoted attributes. Characters XML 1.0
    /// cannot hold (control characters other than tab and line feed, lone surrogates do not
    /// occur in Swift strings, U+FFFE/U+FFFF) become U+FFFD; a carriage return becomes a
    /// reference so that it survives.
    static func escape(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\t", "\n": out.append(scalar)
            default:
                let value = scalar.value
                out.append(value < 0x20 || value == 0xFFFE || value == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }
}
