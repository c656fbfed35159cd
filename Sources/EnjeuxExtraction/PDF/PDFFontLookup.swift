import PopplerKit

/// Font size and weight of each character, from poppler's attribute runs: each
/// character points to one of a few distinct styles.
struct FontLookup {
    struct Style: Equatable {
        var size: Double
        var bold: Bool
        var family: Int
    }

    private(set) var styles: [Style] = [Style(size: 0, bold: false, family: 0)]
    private var styleOfCharacter: [Int32]

    init(runs: [PDFTextRun], characterCount: Int) {
        styleOfCharacter = Array(repeating: 0, count: characterCount)
        var styleByName: [String: (bold: Bool, family: Int)] = [:]
        for run in runs {
            let lower = max(run.start, 0)
            let upper = min(run.end, characterCount - 1)
            guard lower <= upper else { continue }
            let named =
                styleByName[run.fontName]
                ?? {
                    let named = (bold: Self.isBoldFont(run.fontName), family: Self.familyKey(run.fontName))
                    styleByName[run.fontName] = named
                    return named
                }()
            let style = Style(size: run.fontSize, bold: named.bold, family: named.family)
            let styleIndex: Int
            if let known = styles.firstIndex(of: style) {
                styleIndex = known
            } else {
                styleIndex = styles.count
                styles.append(style)
            }
            for index in lower...upper { styleOfCharacter[index] = Int32(styleIndex) }
        }
    }

    func style(at index: Int) -> Int { Int(styleOfCharacter[index]) }
    func size(at index: Int) -> Double { styles[Int(styleOfCharacter[index])].size }
    func isBold(at index: Int) -> Bool { styles[Int(styleOfCharacter[index])].bold }
    func fontKey(at index: Int) -> Int { styles[Int(styleOfCharacter[index])].family }

    /// A key for the font family: the name without subset prefix and style suffix
    /// ("ABCDEF+LiberationSerif-Italic" → "LiberationSerif").
    static func familyKey(_ name: String) -> Int {
        var family = Substring(name)
        if let plus = family.firstIndex(of: "+") { family = family[family.index(after: plus)...] }
        if let dash = family.firstIndex(where: { $0 == "-" || $0 == "," }) { family = family[..<dash] }
        return family.hashValue
    }

    /// Bold, black, heavy or semibold faces, judged from the font name.
    static func isBoldFont(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains("bold") || lowered.contains("black") || lowered.contains("heavy")
            || lowered.contains("semibold") || lowered.contains("demi") || lowered.hasSuffix(",b")
            || lowered.contains("cmbx")
    }
}

/// Counts a line's characters per style to find its dominant size, font and weight.
struct FontTally {
    private let styles: [FontLookup.Style]
    private var counts: [Int]

    init(styles: [FontLookup.Style]) {
        self.styles = styles
        counts = Array(repeating: 0, count: styles.count)
    }

    mutating func add(style: Int) {
        counts[style] += 1
    }

    private var total: Int { counts.reduce(0, +) }

    var dominantSize: Double {
        var bestSize = 0.0
        var bestCount = 0
        for (index, style) in styles.enumerated() where counts[index] > 0 {
            var count = 0
            for (other, otherStyle) in styles.enumerated() where abs(otherStyle.size - style.size) < 0.05 {
                count += counts[other]
            }
            if count > bestCount {
                bestCount = count
                bestSize = style.size
            }
        }
        return bestSize
    }

    var dominantFont: Int {
        var best = 0
        var bestCount = 0
        for (index, style) in styles.enumerated() where counts[index] > 0 {
            var count = 0
            for (other, otherStyle) in styles.enumerated() where otherStyle.family == style.family {
                count += counts[other]
            }
            if count > bestCount {
                bestCount = count
                best = style.family
            }
        }
        return best
    }

    var isMostlyBold: Bool {
        let all = total
        var bold = 0
        for (index, style) in styles.enumerated() where style.bold { bold += counts[index] }
        return all > 0 && Double(bold) >= 0.6 * Double(all)
    }
}
