/// Counts, over the whole document, how often given word forms occur (lowercased;
/// compounds keep their hyphens), so that the document's own spelling can settle a
/// line-end hyphen, page by page. Only the candidate forms are counted: each word is first compared
/// by a hash of its case-folded scalars, and only a hash match builds a String.
struct PDFDocumentWords {
    private let candidates: Set<String>
    private let candidateHashes: Set<UInt64>
    /// How often each candidate form occurs in the pages added so far.
    private(set) var counts: [String: Int] = [:]

    init(candidates: Set<String>) {
        self.candidates = candidates
        candidateHashes = Set(candidates.map { Self.hash($0.unicodeScalars[...]) })
    }

    /// Counts the candidates in the lines of the next page.
    mutating func add(_ lines: [PDFTextLine]) {
        guard !candidates.isEmpty else { return }
        for line in lines {
            let scalars = line.scalars
            var index = 0
            while index < scalars.count {
                guard PDFTextAssembler.isWordScalar(scalars[index]) else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < scalars.count {
                    if PDFTextAssembler.isWordScalar(scalars[end]) {
                        end += 1
                    } else if PDFTextAssembler.isHyphen(scalars[end]), end + 1 < scalars.count,
                        PDFTextAssembler.isWordScalar(scalars[end + 1])
                    {
                        end += 2
                    } else {
                        break
                    }
                }
                let word = scalars[index..<end]
                if candidateHashes.contains(Self.hash(word)) {
                    let text = PDFScalarText.string(word).lowercased()
                    if candidates.contains(text) { counts[text, default: 0] += 1 }
                }
                index = end
            }
        }
    }

    /// FNV-1a over case-folded scalars (ASCII and Latin-1 capitals folded; hyphens unified).
    static func hash<S: Collection<Unicode.Scalar>>(_ word: S) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in word {
            value = (value ^ UInt64(fold(scalar).value)) &* 0x100_0000_01b3
        }
        return value
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE:
            return Unicode.Scalar(scalar.value + 0x20) ?? scalar
        case 0x152:
            return "\u{153}"
        case 0x2010, 0x2011:
            return "-"
        case 0x80...:
            guard scalar.properties.isUppercase else { return scalar }
            return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        default:
            return scalar
        }
    }
}
