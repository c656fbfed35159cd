/// What the tokenizer needs to know about one Unicode scalar.
enum ScalarClass: UInt8, Sendable {
    case space
    case letter
    case digit
    /// Combining mark (general categories Mn, Mc, Me): belongs to the preceding character.
    case mark
    /// `'`, `’`, `ʼ`.
    case apostrophe
    /// `-`, U+2010 hyphen, U+2011 non-breaking hyphen.
    case hyphen
    case period
    case comma
    /// `·` (middle dot, used in inclusive writing).
    case middleDot
    case punctuation
    case symbol
    /// Invisible formatting characters (soft hyphen, joiners): kept inside words, skipped elsewhere.
    case format
    /// Control characters other than whitespace: skipped.
    case control

    /// Scalars below this bound are classified by a table; others by their Unicode properties.
    static let tableSize = 0x2400

    private static let table: [ScalarClass] = (0..<UInt32(tableSize)).map { value in
        guard let scalar = Unicode.Scalar(value) else { return .control }
        return compute(scalar)
    }

    /// Runs `body` with the classification table of the scalars below `tableSize`.
    static func withTable<R>(_ body: (UnsafeBufferPointer<ScalarClass>) -> R) -> R {
        table.withUnsafeBufferPointer(body)
    }

    @inline(__always)
    static func of(_ value: UInt32) -> ScalarClass {
        if value < UInt32(tableSize) { return table[Int(value)] }
        guard let scalar = Unicode.Scalar(value) else { return .control }
        return compute(scalar)
    }

    private static func compute(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x27, 0x2019, 0x02BC: return .apostrophe
        case 0x2D, 0x2010, 0x2011: return .hyphen
        case 0x2E: return .period
        case 0x2C: return .comma
        case 0xB7: return .middleDot
        case 0x200B, 0xFEFF, 0x2028, 0x2029: return .space
        case 0x25, 0x2030, 0xB0, 0x23, 0x26, 0x40: return .symbol  // % ‰ ° # & @
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .letterNumber, .otherNumber:
            return .letter
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .format: return .format
        case .control: return .control
        default: return .symbol
        }
    }
}

extension ScalarClass {
    /// Letters, digits and combining marks: the body of a word.
    @inline(__always) var isWordBody: Bool { self == .letter || self == .digit || self == .mark }
}
