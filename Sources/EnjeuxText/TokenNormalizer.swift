import EnjeuxCore
import Foundation

/// The normalisation filters, applied scalar by scalar in this order: punctuation unification,
/// case folding, ligature folding, accent folding. Produces two forms of a token: `norm`
/// (every enabled filter) and the stemmer's input (lowercase, ligatures folded, accents kept).
/// ASCII scalars take a fast path; other scalars go through lookup tables.
struct TokenNormalizer: Sendable {
    let options: AnalyzerOptions
    private(set) var norm: [UInt32] = []
    private(set) var stemInput: [UInt32] = []
    private var hasMark = false
    private var scratch: [UInt32] = []
    private let stemmer = SnowballFrenchStemmer()

    init(options: AnalyzerOptions) {
        self.options = options
        norm.reserveCapacity(64)
        stemInput.reserveCapacity(64)
    }

    /// Runs the filters over one token's scalars.
    mutating func fold(_ scalars: ArraySlice<UInt32>, kind: TokenKind) {
        norm.removeAll(keepingCapacity: true)
        stemInput.removeAll(keepingCapacity: true)
        hasMark = false
        var allASCII = true
        for v in scalars where v >= 0x80 {
            allASCII = false
            break
        }
        if allASCII, !(kind == .number && scalars.contains(0x20)) {
            foldASCII(scalars)
            return
        }
        let foldCase = options.foldCase
        for v in scalars {
            if v < 0x80 {
                if v == 0x20, kind == .number { continue }
                let lower = (v &- 0x41) < 26 ? v | 0x20 : v
                norm.append(foldCase ? lower : v)
                stemInput.append(lower)
                continue
            }
            foldNonASCII(v, kind: kind)
        }
    }

    /// The ASCII fast path: only case folding applies.
    private mutating func foldASCII(_ scalars: ArraySlice<UInt32>) {
        let count = scalars.count
        stemInput.append(contentsOf: repeatElement(0, count: count))
        stemInput.withUnsafeMutableBufferPointer { out in
            var k = 0
            for v in scalars {
                out[k] = (v &- 0x41) < 26 ? v | 0x20 : v
                k += 1
            }
        }
        if options.foldCase {
            norm.append(contentsOf: stemInput)
        } else {
            norm.append(contentsOf: scalars)
        }
    }

    private mutating func foldNonASCII(_ v: UInt32, kind: TokenKind) {
        let cls = ScalarClass.of(v)
        if cls == .format || cls == .control { return }
        if cls == .space {
            if kind == .number { return }
            norm.append(v)
            stemInput.append(v)
            return
        }
        var x = v
        if options.unifyPunctuation, let unified = ScalarFolding.unifiedPunctuation(x) { x = unified }
        let lower = ScalarFolding.lower(x)
        if options.foldCase { x = lower }
        if let expansion = ScalarFolding.typographicLigature(x) {
            norm.append(contentsOf: expansion)
            stemInput.append(contentsOf: expansion)
            return
        }
        if options.foldLigatures, let (a, b) = ScalarFolding.frenchLigature(x) {
            norm.append(a)
            norm.append(b)
            stemInput.append(ScalarFolding.lower(a))
            stemInput.append(ScalarFolding.lower(b))
            return
        }
        stemInput.append(lower)
        if cls == .mark {
            hasMark = true
            if !options.foldAccents { norm.append(x) }
            return
        }
        norm.append(options.foldAccents ? ScalarFolding.base(x) : x)
    }

    /// The normalised form as a string (NFC when accents are kept and the text had combining marks).
    mutating func normString() -> String {
        let s = makeString(norm)
        return hasMark && !options.foldAccents ? s.precomposedStringWithCanonicalMapping : s
    }

    /// The stemmer's input as a string: the stem cache key.
    mutating func stemInputString() -> String {
        let s = makeString(stemInput)
        return hasMark ? s.precomposedStringWithCanonicalMapping : s
    }

    /// Snowball stem of the stemmer's input, accent-folded when the options say so; when case is
    /// not folded, letters the stem shares with the surface form keep their case.
    mutating func stemString() -> String {
        var word = scratch
        scratch = []
        word.removeAll(keepingCapacity: true)
        if hasMark {
            word.append(contentsOf: stemInputString().unicodeScalars.map(\.value))
        } else {
            word.append(contentsOf: stemInput)
        }
        stemmer.stem(&word)
        defer { scratch = word }
        if !options.foldCase {
            let surface = hasMark ? normString().unicodeScalars.map(\.value) : norm
            if surface.count == stemInput.count {
                for i in 0..<min(word.count, surface.count) where ScalarFolding.lower(surface[i]) == word[i] {
                    word[i] = surface[i]
                }
            }
        }
        if options.foldAccents {
            for i in 0..<word.count { word[i] = ScalarFolding.base(word[i]) }
        }
        return makeString(word)
    }

    private func makeString(_ scalars: [UInt32]) -> String {
        UTF8Encoding.string(scalars[...])
    }
}

enum UTF8Encoding {
    /// UTF-8 encodes scalar values straight into a new string; the exact capacity lets strings
    /// of up to 15 bytes be stored inline, without allocation.
    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        scalars.withUnsafeBufferPointer { values in
            var length = 0
            for v in values { length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4 }
            return String(unsafeUninitializedCapacity: length) { out in
                var k = 0
                for v in values {
                    switch v {
                    case 0..<0x80:
                        out[k] = UInt8(v)
                        k += 1
                    case 0x80..<0x800:
                        out[k] = UInt8(0xC0 | (v >> 6))
                        out[k + 1] = UInt8(0x80 | (v & 0x3F))
                        k += 2
                    case 0x800..<0x10000:
                        out[k] = UInt8(0xE0 | (v >> 12))
                        out[k + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                        out[k + 2] = UInt8(0x80 | (v & 0x3F))
                        k += 3
                    default:
                        out[k] = UInt8(0xF0 | (v >> 18))
                        out[k + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                        out[k + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                        out[k + 3] = UInt8(0x80 | (v & 0x3F))
                        k += 4
                    }
                }
                return k
            }
        }
    }

    @inline(__always)
    static func append(_ v: UInt32, to bytes: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            bytes.append(UInt8(v))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
