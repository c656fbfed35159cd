import EnjeuxModel
import Foundation

/// The normalisation filters, applied scalar by scalar in this order: punctuation unification,
/// case folding, ligature folding, accent folding. Produces two forms of a token: `norm`
/// (every enabled filter) and the stemmer's input (lowercase, ligatures folded, accents kept).
/// ASCII scalars take a fast path; other scalars go through lookup tables.
struct TokenNormalizer: Sendable {
    let options: AnalyzerOptions
    /// The normalised scalars of the last folded token are `normBuffer[0..<normCount]`.
    private var normBuffer: [UInt32] = Array(repeating: 0, count: 64)
    private var normCount = 0
    /// The stemmer's input scalars are `stemBuffer[0..<stemCount]`.
    private var stemBuffer: [UInt32] = Array(repeating: 0, count: 64)
    private var stemCount = 0
    private var hasMark = false
    private var scratch: [UInt32] = []
    private let stemmer = SnowballFrenchStemmer()

    init(options: AnalyzerOptions) {
        self.options = options
    }

    var norm: ArraySlice<UInt32> { normBuffer[0..<normCount] }
    var stemInput: ArraySlice<UInt32> { stemBuffer[0..<stemCount] }

    /// Runs the filters over one token's scalars.
    mutating func fold(_ scalars: ArraySlice<UInt32>, kind: TokenKind) {
        // A scalar expands to at most three (ﬃ).
        let needed = scalars.count * 3 + 4
        if normBuffer.count < needed {
            normBuffer = Array(repeating: 0, count: needed * 2)
            stemBuffer = Array(repeating: 0, count: needed * 2)
        }
        var out = FoldOutput()
        let options = self.options
        normBuffer.withUnsafeMutableBufferPointer { norm in
            stemBuffer.withUnsafeMutableBufferPointer { stem in
                out.norm = norm
                out.stem = stem
                let foldCase = options.foldCase
                for v in scalars {
                    if v < 0x80 {
                        if v == 0x20, kind == .number { continue }
                        let lower = (v &- 0x41) < 26 ? v | 0x20 : v
                        out.appendNorm(foldCase ? lower : v)
                        out.appendStem(lower)
                    } else {
                        Self.foldNonASCII(v, kind: kind, options: options, into: &out)
                    }
                }
            }
        }
        normCount = out.normCount
        stemCount = out.stemCount
        hasMark = out.hasMark
    }

    /// Where `fold` writes: two buffers large enough for the token, and their lengths.
    private struct FoldOutput {
        var norm = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
        var stem = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
        var normCount = 0
        var stemCount = 0
        var hasMark = false

        @inline(__always) mutating func appendNorm(_ v: UInt32) {
            norm[normCount] = v
            normCount += 1
        }

        @inline(__always) mutating func appendStem(_ v: UInt32) {
            stem[stemCount] = v
            stemCount += 1
        }
    }

    private static func foldNonASCII(
        _ v: UInt32, kind: TokenKind, options: AnalyzerOptions, into out: inout FoldOutput
    ) {
        let cls = ScalarClass.of(v)
        if cls == .format || cls == .control { return }
        if cls == .space {
            if kind == .number { return }
            out.appendNorm(v)
            out.appendStem(v)
            return
        }
        var x = v
        if options.unifyPunctuation, let unified = ScalarFolding.unifiedPunctuation(x) { x = unified }
        let lower = ScalarFolding.lower(x)
        if options.foldCase { x = lower }
        if let expansion = ScalarFolding.typographicLigature(x) {
            for e in expansion {
                out.appendNorm(e)
                out.appendStem(e)
            }
            return
        }
        if options.foldLigatures, let (a, b) = ScalarFolding.frenchLigature(x) {
            out.appendNorm(a)
            out.appendNorm(b)
            out.appendStem(ScalarFolding.lower(a))
            out.appendStem(ScalarFolding.lower(b))
            return
        }
        out.appendStem(lower)
        if cls == .mark {
            out.hasMark = true
            if !options.foldAccents { out.appendNorm(x) }
            return
        }
        out.appendNorm(options.foldAccents ? ScalarFolding.base(x) : x)
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
            let surface = hasMark ? normString().unicodeScalars.map(\.value) : Array(norm)
            if surface.count == stemCount {
                for i in 0..<min(word.count, surface.count) where ScalarFolding.lower(surface[i]) == word[i] {
                    word[i] = surface[i]
                }
            }
        }
        if options.foldAccents {
            word.withUnsafeMutableBufferPointer { letters in
                for i in 0..<letters.count where letters[i] >= 0x80 { letters[i] = ScalarFolding.base(letters[i]) }
            }
        }
        return makeString(word[...])
    }

    private func makeString(_ scalars: ArraySlice<UInt32>) -> String {
        UTF8Encoding.string(scalars)
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
