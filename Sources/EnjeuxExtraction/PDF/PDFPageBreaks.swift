import EnjeuxModel

/// Undoes hyphenation across a page break: `établis-` at the foot of one page and
/// `sements.` at the top of the next become `établissements` on the first page.
enum PDFPageBreaks {
    static func joinHyphenatedWords(in pages: inout [Page], using assembler: PDFTextAssembler) {
        guard pages.count > 1 else { return }
        for index in 0..<(pages.count - 1) {
            guard
                let lastBody = pages[index].blocks.lastIndex(where: { $0.kind == .paragraph || $0.kind == .listItem }),
                let firstNext = pages[index + 1].blocks.firstIndex(where: { $0.kind != .heading })
            else { continue }
            let ending = Array(pages[index].blocks[lastBody].text.unicodeScalars)
            let opening = Array(pages[index + 1].blocks[firstNext].text.unicodeScalars)
            guard pages[index + 1].blocks[firstNext].kind == .paragraph,
                PDFLineOpening.startsLowercase(opening),
                let found = PDFTextAssembler.hyphenBreak(before: ending, next: opening[...]),
                !found.right.isEmpty
            else { continue }
            var kept = ending
            switch assembler.decide(found) {
            case .join:
                kept.removeLast(found.spaced ? 2 : 1)
            case .keepHyphen:
                if found.spaced { kept.remove(at: kept.count - 2) }
            case .keepSeparate:
                continue
            }
            // Move the rest of the word, with punctuation glued to it, to the first page.
            var cut = found.right.unicodeScalars.count
            while cut < opening.count, !PDFCharacterNormalizer.isSpace(opening[cut]) { cut += 1 }
            kept.append(contentsOf: opening[..<cut])
            var rest = opening[cut...]
            while let first = rest.first, PDFCharacterNormalizer.isSpace(first) { rest = rest.dropFirst() }
            pages[index].blocks[lastBody].text = PDFScalarText.string(kept)
            if rest.isEmpty {
                pages[index + 1].blocks.remove(at: firstNext)
            } else {
                pages[index + 1].blocks[firstNext].text = PDFScalarText.string(rest)
            }
        }
    }
}
