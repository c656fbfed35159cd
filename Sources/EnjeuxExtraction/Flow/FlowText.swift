/// The text of a block of a word-processing or text file as a reader sees it: runs of white
/// space (spaces, tabs, line breaks, the Unicode spaces of U+2000–U+200A, U+2028, U+2029,
/// U+205F, U+3000, U+1680) collapsed to one space and trimmed, soft hyphens (U+00AD) and
/// control characters dropped; non-breaking spaces (U+00A0, U+202F, U+2007) kept as such.
///
/// The text is walked as UTF-8 bytes: looking up a Unicode property for every character
/// made this a fifth of the time of reading a Word document.
enum FlowText {
    /// What one character (`length` bytes at a position) is to a reader.
    private enum Character {
        case space
        case dropped
        case visible
    }

    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Character, Int) {
        let first = bytes[index]
        if first < 0x80 {
            if first == 0x20 || (0x09...0x0D).contains(first) { return (.space, 1) }
            return (first < 0x20 || first == 0x7F ? .dropped : .visible, 1)
        }
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return (.dropped, bytes.count - index) }
        let second = bytes[index + 1]
        switch first {
        case 0xC2:
            if second == 0x85 { return (.space, 2) }
            if second == 0xAD || second < 0xA0 { return (.dropped, 2) }
        case 0xE1:
            if second == 0x9A, bytes[index + 2] == 0x80 { return (.space, 3) }
        case 0xE2:
            let third = bytes[index + 2]
            if second == 0x80, (third <= 0x8A && third != 0x87) || third == 0xA8 || third == 0xA9 { return (.space, 3) }
            if second == 0x81, third == 0x9F { return (.space, 3) }
        case 0xE3:
            if second == 0x80, bytes[index + 2] == 0x80 { return (.space, 3) }
        default: break
        }
        return (.visible, length)
    }

    static func normalized(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            // Visible characters are copied by runs, not one by one.
            var runStart: Int? = nil
            var index = 0
            while index < bytes.count {
                let (character, length) = classify(bytes, index)
                if character == .visible {
                    if runStart == nil {
                        if pendingSpace, !out.isEmpty { out.append(0x20) }
                        pendingSpace = false
                        runStart = index
                    }
                } else {
                    if let start = runStart {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                        runStart = nil
                    }
                    if character == .space { pendingSpace = true }
                }
                index += length
            }
            if let start = runStart {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<min(index, bytes.count)]))
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// True when the text has something a reader would see.
    static func hasVisibleText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let (character, length) = classify(bytes, index)
                if character == .visible { return true }
                index += length
            }
            return false
        }
    }
}
