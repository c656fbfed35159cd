/// Replaces a document type declaration that has an internal subset (`<!DOCTYPE html [ … ]>`)
/// by a plain `<!DOCTYPE html>`.
///
/// HTML has no internal subset. libxml2's HTML parser does not understand one either: it
/// would show the entity declarations as text and push the head into the body. Dropping
/// the subset also drops its entity declarations, so their references stay literal.
enum DoctypeSanitizer {
    /// Only a declaration in the first bytes is looked at, as a browser would.
    static let searchLength = 4096

    static func sanitize(_ text: String) -> String {
        let utf8 = Array(text.utf8.prefix(searchLength))
        guard let start = find(Array("<!doctype".utf8), in: utf8, from: 0, caseInsensitive: true) else {
            return text
        }
        var index = start + 9
        // Find the first `[` or `>` after the keyword, skipping quoted identifiers.
        var quote: UInt8?
        while index < utf8.count {
            let byte = utf8[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return text
            } else if byte == UInt8(ascii: "[") {
                break
            }
            index += 1
        }
        guard index < utf8.count else { return text }
        // The subset ends at `]` followed by optional whitespace and `>`; search the whole text.
        let all = Array(text.utf8)
        var cursor = index
        while let close = all[cursor...].firstIndex(of: UInt8(ascii: "]")) {
            var after = close + 1
            while after < all.count, [0x20, 0x09, 0x0A, 0x0D].contains(all[after]) { after += 1 }
            if after < all.count, all[after] == UInt8(ascii: ">") {
                var result = Array(all[..<start])
                result += Array("<!DOCTYPE html>".utf8)
                result += all[(after + 1)...]
                return String(decoding: result, as: UTF8.self)
            }
            cursor = close + 1
        }
        // An unterminated subset: everything after it is part of the declaration.
        return String(decoding: Array(all[..<start]) + Array("<!DOCTYPE html>".utf8), as: UTF8.self)
    }

    private static func find(
        _ needle: [UInt8], in haystack: [UInt8], from: Int, caseInsensitive: Bool
    ) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            var matched = true
            for j in 0..<needle.count {
                var byte = haystack[i + j]
                if caseInsensitive, byte >= 0x41, byte <= 0x5A { byte += 0x20 }
                if byte != needle[j] {
                    matched = false
                    break
                }
            }
            if matched { return i }
            i += 1
        }
        return nil
    }
}
