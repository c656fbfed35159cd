import Foundation

/// A `Content-Type` value: the media type and its parameters (RFC 2045 §5.1). Names are
/// lowercased; values are unquoted (`boundary="--x"` and `boundary=--x` read the same).
package struct MIMEContentType: Sendable, Hashable {
    /// `type/subtype`, lowercased (`multipart/related`).
    package var mediaType: String
    package var parameters: [String: String]

    /// Parses a header value; a value that names no media type gives `text/plain`.
    package init(parsing value: String) {
        let scalars = Array(value.unicodeScalars)
        var index = 0
        var type = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != ";" {
            type.append(scalars[index])
            index += 1
        }
        let trimmed = String(type).trimmingCharacters(in: .whitespaces).lowercased()
        mediaType = trimmed.contains("/") ? trimmed : "text/plain"
        parameters = [:]
        while index < scalars.count {
            index += 1  // the ';' (or the end of the previous value)
            guard let (name, value, next) = Self.parameter(in: scalars, from: index) else { break }
            if !name.isEmpty, parameters[name] == nil { parameters[name] = value }
            index = next
        }
    }

    /// True for `multipart/*`.
    package var isMultipart: Bool { mediaType.hasPrefix("multipart/") }

    /// True for the media types of a web page.
    package var isHTML: Bool { mediaType == "text/html" || mediaType == "application/xhtml+xml" }

    /// One `name=value` or `name="quoted \"value\""` from `start`; returns it and the index
    /// of the `;` that ends it (or the end).
    private static func parameter(
        in scalars: [Unicode.Scalar], from start: Int
    ) -> (name: String, value: String, next: Int)? {
        var index = start
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == ";" {
            index += 1
        }
        guard index < scalars.count else { return nil }
        var name = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != "=", scalars[index] != ";" {
            name.append(scalars[index])
            index += 1
        }
        var value = String.UnicodeScalarView()
        var isQuoted = false
        if index < scalars.count, scalars[index] == "=" {
            index += 1
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            if index < scalars.count, scalars[index] == "\"" {
                isQuoted = true
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    value.append(scalars[index])
                    index += 1
                }
                // Anything between the closing quote and the next ';' is ignored.
                while index < scalars.count, scalars[index] != ";" { index += 1 }
            } else {
                while index < scalars.count, scalars[index] != ";" {
                    value.append(scalars[index])
                    index += 1
                }
            }
        }
        let key = String(name).trimmingCharacters(in: .whitespaces).lowercased()
        let text = isQuoted ? String(value) : String(value).trimmingCharacters(in: .whitespaces)
        return (key, text, index)
    }
}
