/// Counts, over the whole document, how often given word forms occur (lowercased;
/// compounds keep their hyphens), so that the document's own spelling can settle a
/// line-end hyphen. Only the candidate forms are counted, to stay fast on long files.
enum PDFDocumentWords {
    static func count(_ candidates: Set<String>, in pages: [[PDFTextLine]]) -> [String: Int] {
        guard !candidates.isEmpty else { return [:] }
        let lengths = Set(candidates.map { $0.unicodeScalars.count })
        var counts: [String: Int] = [:]
        for lines in pages {
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
                    if lengths.contains(end - index) {
                        let word = String(String.UnicodeScalarView(scalars[index..<end])).lowercased()
                        if candidates.contains(word) { counts[word, default: 0] += 1 }
                    }
                    index = end
                }
            }
        }
        return counts
    }
}
