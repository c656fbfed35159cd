import EnjeuxSupport

/// Stable document identifiers that are safe in any file name.
///
/// The id is a readable slug of the relative path (ASCII letters and digits, accents
/// folded, everything else a single `-`), cut to 60 characters, followed by the first
/// 10 hex digits of the SHA-256 of the path, so two paths never share an id even when
/// their slugs do: `Rapport d'évaluation Lean 2016.pdf` → `rapport-d-evaluation-lean-2016-pdf-3f9a0c12de`.
public enum DocumentID {
    public static func make(relativePath: String) -> String {
        let slug = Slug.make(relativePath, maxLength: 60)
        let digest = SHA256.hex(of: Array(relativePath.utf8)).prefix(10)
        return slug.isEmpty ? String(digest) : "\(slug)-\(digest)"
    }
}

/// Lowercase ASCII slugs: accents folded, other characters collapsed to `-`.
public enum Slug {
    public static func make(_ text: String, maxLength: Int) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let folded = foldSpecial(scalar)
            for ch in folded.lowercased().unicodeScalars {
                if ch.isASCII && (ch.properties.isAlphabetic || ("0"..."9").contains(ch)) {
                    if pendingDash && !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(ch)
                } else {
                    pendingDash = true
                }
            }
            if out.count >= maxLength { break }
        }
        if out.count > maxLength { out = String(out.prefix(maxLength)) }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    private static func foldSpecial(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "œ": "oe"
        case "Œ": "OE"
        case "æ": "ae"
        case "Æ": "AE"
        case "ß": "ss"
        default: String(scalar)
        }
    }
}
