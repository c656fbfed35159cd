import EnjeuxSupport

/// GUIDs derived from what they name, so that two runs over the same evidence give the same
/// project: the first 128 bits of SHA-256 of a kind and its key parts, with the version and
/// variant bits of a name-based UUID, in the 8-4-4-4-12 form REFI-QDA expects (upper case).
enum QDAGUID {
    static func make(_ kind: String, _ parts: String...) -> String {
        let digest = SHA256.hex(of: (["enjeux-qda", kind] + parts).joined(separator: "\u{1F}"))
        var hex = Array(digest.prefix(32).uppercased())
        // Version 5 in the 13th digit, variant 10xx in the 17th.
        hex[12] = "5"
        let variant = Int(String(hex[16]), radix: 16) ?? 0
        hex[16] = Array(String((variant & 0x3) | 0x8, radix: 16).uppercased())[0]
        let text = String(hex)
        let cuts = [0, 8, 12, 16, 20, 32]
        return (0..<5).map { index in
            let start = text.index(text.startIndex, offsetBy: cuts[index])
            let end = text.index(text.startIndex, offsetBy: cuts[index + 1])
            return String(text[start..<end])
        }.joined(separator: "-")
    }
}
