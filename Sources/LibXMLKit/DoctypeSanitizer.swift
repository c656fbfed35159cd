/// Replaces a document type declaration that has an internal subset (`<!DOCTYPE html [ … ]>`)
/// by a plain `<!DOCTYPE html>`.
///
/// HTML has no internal subset. libxml2's HTML parser does not understand one either: it
/// would show the entity declarations as text and push the head into the body. Dropping
/// the subset also drops its entity declarations, so their references stay literal.
enum DoctypeSanitizer {
    /// Only a declaration in the first bytes is looked at, as a browser would.
    static let searchLength = 4096

    /// The page's bytes with the internal subset dropped, or nil when there is none to drop.
    static func sanitized(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let head = Array(bytes.prefix(searchLength))
        guard let start = find(Array("<!doctype".utf8), in: head, from: 0, caseInsensitive: true) else {
            return nil
        }
        var index = start + 9
        // Find the first `[` or `>` after the keyword, skipping quoted identifiers.
        var quote: UInt8?
        while index < head.count {
            let byte = head[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return nil
            } else if byte == UInt8(ascii: "[") {
                break
            }
            index += 1
        }
        guard index < head.count else { return nil }
        // The subset ends at `]` followed by optional whitespace and `>`; search the whole text.
        var cursor = index
        while let close = bytes[cursor...].firstIndex(of: UInt8(ascii: "]")) {
            var after = close + 1
            while after < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[after]) { after += 1 }
            if after < bytes.count, bytes[after] == UInt8(ascii: ">") {
                return Array(bytes[..<start]) + Array("<!DOCTYPE html>".utf8) + bytes[(after + 1)...]
            }
            cursor = close + 1
        }
        // An unterminated subset: everything after it is part of the declaration.
        return Array(bytes[..<start]) + Array("<!DOCTYPE html>".utf8)
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
