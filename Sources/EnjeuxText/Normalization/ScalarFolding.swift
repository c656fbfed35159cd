import Foundation

/// Per-scalar folding tables used by the normaliser: lowercase mapping, accent removal,
/// ligature expansion and punctuation unification. Built once, read without locks.
enum ScalarFolding {
    static let tableSize = 0x2400

    /// Lowercase of a scalar when Unicode maps it to exactly one scalar; the scalar itself otherwise.
    private static let lowerTable: [UInt32] = (0..<UInt32(tableSize)).map { computeLower($0) }

    /// Base letter of a scalar whose canonical decomposition is one base plus combining marks
    /// (é→e, Ç→C); the scalar itself otherwise.
    private static let baseTable: [UInt32] = (0..<UInt32(tableSize)).map { computeBase($0) }

    @inline(__always)
    static func lower(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return (v &- 0x41) < 26 ? v | 0x20 : v }
        return v < UInt32(tableSize) ? lowerTable[Int(v)] : computeLower(v)
    }

    @inline(__always)
    static func base(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return v }
        return v < UInt32(tableSize) ? baseTable[Int(v)] : computeBase(v)
    }

    /// Apostrophes become `'`, hyphens and dashes become `-`; nil when the scalar is neither.
    @inline(__always)
    static func unifiedPunctuation(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x2019, 0x02BC, 0x2018, 0x2032: return 0x27
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D: return 0x2D
        default: return nil
        }
    }

    /// French ligatures œ and æ (either case) expanded to two letters; nil otherwise.
    @inline(__always)
    static func frenchLigature(_ v: UInt32) -> (UInt32, UInt32)? {
        switch v {
        case 0x153: return (0x6F, 0x65)
        case 0x152: return (0x4F, 0x45)
        case 0xE6: return (0x61, 0x65)
        case 0xC6: return (0x41, 0x45)
        default: return nil
        }
    }

    /// Typographic ligatures of PDF text (U+FB00–U+FB06), always expanded: they are glyph artefacts.
    static func typographicLigature(_ v: UInt32) -> [UInt32]? {
        switch v {
        case 0xFB00: return [0x66, 0x66]
        case 0xFB01: return [0x66, 0x69]
        case 0xFB02: return [0x66, 0x6C]
        case 0xFB03: return [0x66, 0x66, 0x69]
        case 0xFB04: return [0x66, 0x66, 0x6C]
        case 0xFB05, 0xFB06: return [0x73, 0x74]
        default: return nil
        }
    }

    private static func computeLower(_ v: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(v) else { return v }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        guard mapped.count == 1, let first = mapped.first else { return v }
        return first.value
    }

    private static func computeBase(_ v: UInt32) -> UInt32 {
        switch v {
        case 0xF8: return 0x6F  // ø
        case 0xD8: return 0x4F
        case 0x142: return 0x6C  // ł
        case 0x141: return 0x4C
        case 0x111: return 0x64  // đ
        case 0x110: return 0x44
        default: break
        }
        guard let scalar = Unicode.Scalar(v) else { return v }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter: break
        default: return v
        }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        guard decomposed.count > 1, let first = decomposed.first else { return v }
        for mark in decomposed.dropFirst() where !isCombiningMark(mark.value) { return v }
        return first.value
    }

    @inline(__always)
    static func isCombiningMark(_ v: UInt32) -> Bool { ScalarClass.of(v) == .mark }
}
