/// Character-level clean-up of PDF text: ligatures expanded, soft hyphens and control
/// characters dropped, ordinary white space collapsed. Non-breaking spaces (U+00A0,
/// U+202F) and the thin space U+2009 are kept as they are: quotes keep them.
enum PDFCharacterNormalizer {
    /// What to do with one scalar of poppler's text.
    enum Mapping {
        case keep
        case drop
        case space
        case nonBreakingSpace
        case softHyphen
        /// A ligature: two or three letters (the third is nil for two).
        case expand(Unicode.Scalar, Unicode.Scalar, Unicode.Scalar?)
    }

    static func mapping(of scalar: Unicode.Scalar) -> Mapping {
        if scalar.value > 0x20 && scalar.value < 0x7F { return .keep }
        switch scalar.value {
        case 0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C, 0x85, 0x1680, 0x2000...0x2008, 0x200A, 0x2028, 0x2029, 0x205F,
            0x3000:
            return .space
        case 0x00A0, 0x202F, 0x2009:
            return .nonBreakingSpace
        case 0x00AD:
            return .softHyphen
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200D, 0x2060, 0xFEFF:
            return .drop
        case 0xFB00: return .expand("f", "f", nil)
        case 0xFB01: return .expand("f", "i", nil)
        case 0xFB02: return .expand("f", "l", nil)
        case 0xFB03: return .expand("f", "f", "i")
        case 0xFB04: return .expand("f", "f", "l")
        case 0xFB05, 0xFB06: return .expand("s", "t", nil)
        default:
            return .keep
        }
    }

    /// True for the scalars this module treats as a word space (ordinary or non-breaking).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x00A0, 0x202F, 0x2009: true
        default: false
        }
    }

    /// Appends `scalar` to `output`, collapsing white space: a run of spaces becomes one
    /// space, or the non-breaking space when the run holds one. Returns true when the
    /// scalar was a soft hyphen (left out of the text).
    @discardableResult
    static func append(_ scalar: Unicode.Scalar, to output: inout [Unicode.Scalar]) -> Bool {
        if scalar.value > 0x20 && scalar.value < 0x7F {
            output.append(scalar)
            return false
        }
        switch mapping(of: scalar) {
        case .keep:
            output.append(scalar)
        case .expand(let first, let second, let third):
            output.append(first)
            output.append(second)
            if let third { output.append(third) }
        case .drop:
            break
        case .softHyphen:
            return true
        case .space:
            if let last = output.last, !isSpace(last) { output.append(" ") }
        case .nonBreakingSpace:
            if let last = output.last, isSpace(last) {
                if last == " " { output[output.count - 1] = scalar }
            } else if !output.isEmpty {
                output.append(scalar)
            }
        }
        return false
    }

    /// Removes trailing ordinary spaces.
    static func trimTrailingSpaces(_ scalars: inout [Unicode.Scalar]) {
        while let last = scalars.last, last == " " { scalars.removeLast() }
    }
}
