/// Joins the lines of a block into its text: one space between lines, line-end
/// hyphenation undone where `PDFHyphenation` says so, list bullets dropped.
struct PDFTextAssembler: Sendable {
    var hyphenation: PDFHyphenation
    /// Decisions worked out in advance for the document's breaks, keyed by `Break.key`.
    var knownDecisions: [String: PDFHyphenation.Decision] = [:]

    init(hyphenation: PDFHyphenation, breaks: Set<Break> = []) {
        self.hyphenation = hyphenation
        for found in breaks {
            knownDecisions[found.key] = hyphenation.decide(
                left: found.left, right: found.right, spacedHyphen: found.spaced)
        }
    }

    /// The decision for one break, from the table when it is there.
    func decide(_ found: Break) -> PDFHyphenation.Decision {
        knownDecisions[found.key]
            ?? hyphenation.decide(left: found.left, right: found.right, spacedHyphen: found.spaced)
    }

    /// A line-end hyphen and the word halves around it.
    struct Break: Sendable, Hashable {
        var left: String
        var right: String
        var spaced: Bool

        var key: String { spaced ? left + " -\u{1}" + right : left + "-\u{1}" + right }
    }

    func text(of draft: PDFBlockDraft) -> String {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(draft.characterCount + draft.lines.count)
        for (index, line) in draft.lines.enumerated() {
            var scalars = line.scalars[...]
            if index == 0 && draft.kind == .listItem {
                scalars = scalars.dropFirst(PDFLineOpening.bulletLength(line.scalars))
            }
            guard index > 0 else {
                output.append(contentsOf: scalars)
                continue
            }
            append(scalars, after: draft.lines[index - 1], to: &output)
        }
        PDFCharacterNormalizer.trimTrailingSpaces(&output)
        PDFFrenchSpacing.restoreNoBreakSpaces(in: &output)
        return PDFScalarText.string(output)
    }

    /// Appends a line to the text built so far, deciding what to do at the junction.
    func append(_ next: ArraySlice<Unicode.Scalar>, after previous: PDFTextLine, to output: inout [Unicode.Scalar]) {
        if previous.endsWithSoftHyphen {
            output.append(contentsOf: next)
            return
        }
        if let found = Self.hyphenBreak(before: output, next: next) {
            switch decide(found) {
            case .join:
                output.removeLast(found.spaced ? 2 : 1)
                output.append(contentsOf: next)
                return
            case .keepHyphen:
                if found.spaced { output.remove(at: output.count - 2) }
                output.append(contentsOf: next)
                return
            case .keepSeparate:
                break
            }
        }
        if let last = output.last, !PDFCharacterNormalizer.isSpace(last) { output.append(" ") }
        output.append(contentsOf: next)
    }

    /// The hyphenation break at the end of `text` before `next`, if the text ends in a
    /// hyphen after a word (`dispen-` or `réfé -`).
    static func hyphenBreak(
        before text: [Unicode.Scalar], next: ArraySlice<Unicode.Scalar>
    ) -> Break? {
        guard let last = text.last, last == "-" || last == "\u{2010}" else { return nil }
        var end = text.count - 1
        let spaced = end >= 1 && text[end - 1] == " "
        if spaced { end -= 1 }
        var start = end
        while start > 0, isWordScalar(text[start - 1]) || (isHyphen(text[start - 1]) && start - 1 > 0) {
            start -= 1
        }
        while start < end, isHyphen(text[start]) { start += 1 }
        guard start < end else { return nil }
        var rightEnd = next.startIndex
        while rightEnd < next.endIndex,
            isWordScalar(next[rightEnd])
                || (isHyphen(next[rightEnd]) && rightEnd + 1 < next.endIndex && isWordScalar(next[rightEnd + 1]))
        {
            rightEnd += 1
        }
        let left = PDFScalarText.string(text[start..<end])
        let right = PDFScalarText.string(next[next.startIndex..<rightEnd])
        return Break(left: left, right: right, spaced: spaced)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
        }
        return scalar.properties.isAlphabetic
    }

    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }
}
