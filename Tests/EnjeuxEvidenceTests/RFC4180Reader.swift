import EnjeuxSupport

/// A strict RFC 4180 reader for the tests: records end with CRLF, quoted fields may hold
/// commas, quotes (doubled) and line breaks; anything else is an error.
enum RFC4180Reader {
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "offset \(offset): \(message)" }
    }

    static func parse(_ text: String) throws -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var index = 0
        var atFieldStart = true
        while index < scalars.count {
            let scalar = scalars[index]
            if atFieldStart && scalar == "\"" {
                index += 1
                while true {
                    guard index < scalars.count else { throw Malformed(offset: index, message: "unclosed quote") }
                    if scalars[index] == "\"" {
                        if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                            field.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    field.append(scalars[index])
                    index += 1
                }
                atFieldStart = false
                guard index < scalars.count, scalars[index] == "," || scalars[index] == "\r" else {
                    throw Malformed(offset: index, message: "text after a closing quote")
                }
                continue
            }
            switch scalar {
            case ",":
                record.append(String(field))
                field = String.UnicodeScalarView()
                atFieldStart = true
                index += 1
            case "\r":
                guard index + 1 < scalars.count, scalars[index + 1] == "\n" else {
                    throw Malformed(offset: index, message: "CR without LF")
                }
                record.append(String(field))
                records.append(record)
                record = []
                field = String.UnicodeScalarView()
                atFieldStart = true
                index += 2
            case "\n":
                throw Malformed(offset: index, message: "bare LF outside quotes")
            case "\"":
                throw Malformed(offset: index, message: "quote inside an unquoted field")
            default:
                field.append(scalar)
                atFieldStart = false
                index += 1
            }
        }
        guard record.isEmpty && field.isEmpty else {
            throw Malformed(offset: index, message: "last record has no CRLF")
        }
        return records
    }
}
