/// The text of a block of a word-processing or text file as a reader sees it: runs of white
/// space (spaces, tabs, line breaks) collapsed to one space and trimmed, soft hyphens and
/// control characters dropped; non-breaking spaces (U+00A0, U+202F, U+2007) kept as such.
enum FlowText {
    static func normalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xAD:
                continue
            case 0xA0, 0x202F, 0x2007:
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0x2028, 0x2029:
                pendingSpace = true
            case 0x00..<0x20, 0x7F..<0xA0:
                continue
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = true
                    continue
                }
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when the text has something a reader would see.
    static func hasVisibleText(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            !scalar.properties.isWhitespace && scalar.value != 0xAD && scalar.value >= 0x20
                && !(0x7F..<0xA0).contains(scalar.value)
        }
    }
}
