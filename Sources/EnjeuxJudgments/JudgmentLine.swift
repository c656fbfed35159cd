/// A judgment as one line of JSON, keys in a fixed order, non-ASCII text written as is so
/// that the file stays readable and diffs well under version control.
enum JudgmentLine {
    static func encode(_ judgment: Judgment) -> String {
        var fields = [
            ("source", quoted(judgment.source)), ("category", quoted(judgment.category)),
            ("grade", String(judgment.grade)), ("quote", quoted(judgment.quote)),
            ("page", judgment.page.map(String.init) ?? "null"), ("passage_id", quoted(judgment.passageId)),
            ("judge", quoted(judgment.judge)), ("time", quoted(judgment.time)),
        ]
        if let note = judgment.note { fields.append(("note", quoted(note))) }
        if judgment.withdrawn { fields.append(("withdrawn", "true")) }
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
