/// Document-wide typography: the body font size and the usual distance between the
/// baselines of consecutive lines of a paragraph, per font size.
struct PDFLayoutStatistics: Sendable {
    /// The font size used by most characters.
    var bodySize: Double
    /// Median baseline-to-baseline distance per font size (rounded to 0.5 pt).
    var pitchBySize: [Double: Double]

    init(pages: [[PDFTextLine]]) {
        var tally = Tally()
        for lines in pages { tally.add(lines) }
        self = tally.statistics
    }

    /// Counts a document's typography page by page (the pages themselves are not kept).
    struct Tally {
        private var characterCountBySize: [Double: Int] = [:]
        private var pitches: [Double: [Double]] = [:]
        /// Whether baseline distances are gathered (the body size alone does not need them).
        private let countsPitches: Bool

        init(pitches: Bool = true) {
            countsPitches = pitches
        }

        /// Adds the lines of the next page.
        mutating func add(_ lines: [PDFTextLine]) {
            for (index, line) in lines.enumerated() {
                let size = PDFLayoutStatistics.bucket(line.fontSize)
                characterCountBySize[size, default: 0] += line.scalars.count
                guard countsPitches, index > 0 else { continue }
                let previous = lines[index - 1]
                guard PDFLayoutStatistics.bucket(previous.fontSize) == size, line.horizontalOverlap(with: previous) > 0
                else {
                    continue
                }
                let pitch = line.y2 - previous.y2
                if pitch > 0.8 * line.fontSize && pitch < 2.5 * line.fontSize {
                    pitches[size, default: []].append(pitch)
                }
            }
        }

        /// The font size used by most characters.
        var bodySize: Double {
            characterCountBySize.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?
                .key ?? 10
        }

        var statistics: PDFLayoutStatistics {
            PDFLayoutStatistics(
                bodySize: bodySize,
                pitchBySize: pitches.mapValues { values in
                    let sorted = values.sorted()
                    return sorted[sorted.count / 2]
                })
        }
    }

    init(bodySize: Double, pitchBySize: [Double: Double]) {
        self.bodySize = bodySize
        self.pitchBySize = pitchBySize
    }

    static func bucket(_ size: Double) -> Double { (size * 2).rounded() / 2 }

    /// Expected baseline distance inside a paragraph set in `size`.
    func pitch(forSize size: Double) -> Double {
        if let known = pitchBySize[Self.bucket(size)] { return known }
        return 1.35 * size
    }
}
