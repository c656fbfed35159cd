/// The test that decides whether a page's text layer can be used or the page is read by OCR
/// (`--ocr auto`). On the page's characters, after normalisation:
///
/// 1. **garbled**: at least 5 % of the visible characters (of at least 20) are U+FFFD
///    replacement characters, control characters or private-use code points (fonts without a
///    usable Unicode mapping), or at least 3 mojibake pairs (`Ã©`, `Â `: UTF-8 read as
///    Latin-1) make up 1 % of the letters;
/// 2. **empty**: no letter or digit at all (a scan, or an image of text);
/// 3. **doubtful**: of at least 20 words of two or more Latin letters, fewer than half are
///    words of the French or English word lists (a font whose codes map to the wrong
///    letters: `Wkh txlfn`). Such a page is read by OCR too, but the OCR text replaces the
///    layer only when its own share of known words is at least 0.6 and 0.25 above the
///    layer's (`ocrIsBetter`): a page of Latin or of names keeps its text layer;
/// 4. **usable** otherwise. Pages in other scripts (Arabic, Greek) have too few Latin words
///    for test 3 and keep their layer.
enum PDFTextLayerQuality {
    enum Verdict: Sendable, Hashable {
        case usable
        case empty
        case garbled
        /// The share of known words, for the comparison with the OCR text.
        case doubtful(knownShare: Double)
    }

    static let minimumCharacters = 20
    static let badCharacterShare = 0.05
    static let minimumWords = 20
    static let knownWordShare = 0.5
    static let ocrKnownWordShare = 0.6
    static let ocrKnownWordGain = 0.25

    static func assess(_ lines: [PDFTextLine], words: PDFKnownWords) -> Verdict {
        var visible = 0
        var bad = 0
        var letters = 0
        var mojibake = 0
        var previous: Unicode.Scalar = " "
        for line in lines {
            for scalar in line.scalars {
                defer { previous = scalar }
                if scalar.properties.isWhitespace { continue }
                visible += 1
                if isBad(scalar) { bad += 1 }
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { letters += 1 }
                if previous == "Ã" || previous == "Â" || previous == "Å", (0x80...0xBF).contains(scalar.value) {
                    mojibake += 1
                }
            }
            previous = " "
        }
        if visible >= minimumCharacters && Double(bad) >= badCharacterShare * Double(visible) { return .garbled }
        if letters == 0 { return .empty }
        if mojibake >= 3 && Double(mojibake) >= 0.01 * Double(letters) { return .garbled }
        let share = words.knownShare(of: lines.map(\.scalars))
        if let share, share.words >= minimumWords, share.known < knownWordShare {
            return .doubtful(knownShare: share.known)
        }
        return .usable
    }

    /// True when the OCR text of a doubtful page reads as words much more often than its layer.
    static func ocrIsBetter(_ ocrLines: [PDFTextLine], than layerShare: Double, words: PDFKnownWords) -> Bool {
        guard let share = words.knownShare(of: ocrLines.map(\.scalars)), share.words >= minimumWords / 2 else {
            return false
        }
        return share.known >= ocrKnownWordShare && share.known >= layerShare + ocrKnownWordGain
    }

    private static func isBad(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFFFD, 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F...0x9F, 0xE000...0xF8FF, 0xF0000...: true
        default: false
        }
    }
}

/// The French and English word lists (Hunspell's, without affixes; `PDFFrenchWordList`) the
/// text-layer test counts known words with.
struct PDFKnownWords: Sendable {
    var french: PDFFrenchWordList
    var english: PDFFrenchWordList

    static let englishPaths = ["/usr/share/hunspell/en_US.dic", "/usr/share/hunspell/en_GB.dic"]
    static let shared = PDFKnownWords(french: .shared, english: PDFFrenchWordList(paths: englishPaths))

    var isAvailable: Bool { french.isAvailable || english.isAvailable }

    /// At most this many words of a page are looked up (the test runs on every page of every PDF).
    static let sampleSize = 200

    /// Words of two or more Latin letters (the first `sampleSize`), and the share of them either
    /// list knows; nil when the lists are missing.
    func knownShare(of lines: [[Unicode.Scalar]]) -> (words: Int, known: Double)? {
        guard isAvailable else { return nil }
        var count = 0
        var known = 0
        for scalars in lines where count < Self.sampleSize {
            var word = String.UnicodeScalarView()
            func finish() {
                defer { word.removeAll() }
                guard word.count >= 2 else { return }
                count += 1
                let text = String(word)
                if french.contains(text) || english.contains(text) { known += 1 }
            }
            for scalar in scalars {
                if scalar.properties.isAlphabetic && isLatin(scalar) {
                    word.append(scalar)
                } else {
                    finish()
                }
            }
            finish()
        }
        return count == 0 ? (0, 0) : (count, Double(known) / Double(count))
    }

    private func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: true
        default: false
        }
    }
}
