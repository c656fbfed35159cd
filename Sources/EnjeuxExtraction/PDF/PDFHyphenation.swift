import EnjeuxFrench

/// Decides, at a line ending in a hyphen, whether the hyphen is a typesetter's break to
/// undo (`dispen-` + `sation` → `dispensation`) or part of the word (`peut-` + `être`,
/// `Ceux-` + `ci`, `non-` + `respect`, `socio-` + `économique`).
///
/// Evidence, in order: how the document itself writes the word elsewhere; the French
/// word list (the joined word, the hyphenated compound); known compound endings and
/// prefixes; otherwise the break is undone, since most line-end hyphens in justified
/// French text are hyphenation.
struct PDFHyphenation: Sendable {
    /// How the document writes words: lowercased word (compounds keep their hyphens) → count.
    var documentWords: [String: Int]
    var wordList: PDFFrenchWordList

    enum Decision: Equatable {
        /// Remove the hyphen and glue the halves.
        case join
        /// Keep the hyphen and glue the halves (`peut-être`).
        case keepHyphen
        /// Not a break at all: keep `left -` and a space before the next line.
        case keepSeparate
    }

    /// `left`: the word fragment before the hyphen (may contain earlier hyphens);
    /// `right`: the first word of the next line. `spacedHyphen`: the line ended in
    /// ` -` (a space before the hyphen), which may also be a dash.
    func decide(left: String, right: String, spacedHyphen: Bool) -> Decision {
        guard let leftLast = left.unicodeScalars.last, let rightFirst = right.unicodeScalars.first else {
            return spacedHyphen ? .keepSeparate : .keepHyphen
        }
        let leftIsLetter = leftLast.properties.isAlphabetic
        let rightIsLetter = rightFirst.properties.isAlphabetic
        if !leftIsLetter || !rightIsLetter {
            return spacedHyphen ? .keepSeparate : .keepHyphen
        }
        let rightIsUpper = rightFirst.properties.isUppercase
        let leftIsUpper = leftLast.properties.isUppercase
        let joined = (left + right).lowercased()
        let hyphenated = (left + "-" + right).lowercased()

        let joinedInDocument = documentWords[joined, default: 0]
        let hyphenatedInDocument = documentWords[hyphenated, default: 0]
        if hyphenatedInDocument > joinedInDocument { return .keepHyphen }
        if joinedInDocument > hyphenatedInDocument { return .join }

        if rightIsUpper && !leftIsUpper { return spacedHyphen ? .keepSeparate : .keepHyphen }

        let lastPartOfLeft = String(left.split(separator: "-").last ?? Substring(left)).lowercased()
        let rightLowered = right.lowercased()
        if wordList.isAvailable {
            let joinedIsWord = wordList.contains(joined)
            let hyphenatedIsWord =
                wordList.contains(hyphenated)
                || wordList.contains(lastPartOfLeft + "-" + rightLowered)
            if hyphenatedIsWord { return .keepHyphen }
            if joinedIsWord { return .join }
            if spacedHyphen && lastPartOfLeft.count >= 4 && wordList.contains(lastPartOfLeft)
                && wordList.contains(rightLowered)
            {
                return .keepSeparate
            }
        }
        if FrenchHyphenatedCompounds.endings.contains(rightLowered) { return .keepHyphen }
        if FrenchHyphenatedCompounds.prefixes.contains(lastPartOfLeft) { return .keepHyphen }
        if spacedHyphen && !wordList.isAvailable { return .keepSeparate }
        return .join
    }
}
