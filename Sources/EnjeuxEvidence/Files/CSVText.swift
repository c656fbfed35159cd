/// CSV as RFC 4180 describes it: comma-separated fields, CRLF after every record, fields
/// quoted when they contain a comma, a double quote, a line break or edge whitespace, with
/// double quotes doubled. Files start with a UTF-8 byte order mark so spreadsheets detect UTF-8.
package enum CSVText {
    static let byteOrderMark = "\u{FEFF}"
    static let recordSeparator = "\r\n"

    /// A whole file: the byte order mark, the header and the rows, each ending with CRLF.
    package static func document(header: [String], rows: [[String]]) -> String {
        var out = byteOrderMark
        out += record(header)
        for row in rows { out += record(row) }
        return out
    }

    /// One record followed by CRLF.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + recordSeparator
    }

    /// One field, quoted when needed.
    static func field(_ value: String) -> String {
        let needsQuotes =
            value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || value.unicodeScalars.first?.properties.isWhitespace == true
            || value.unicodeScalars.last?.properties.isWhitespace == true
        guard needsQuotes else { return value }
        return "\"" + value.replacingQuotes() + "\""
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append(scalar) }
        }
        return String(out)
    }
}
