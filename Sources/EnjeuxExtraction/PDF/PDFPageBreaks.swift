import EnjeuxModel

/// Undoes hyphenation across a page break: `établis-` at the foot of one page and
/// `sements.` at the top of the next become `établissements` on the first page.
enum PDFPageBreaks {
    /// Joins the word cut at the foot of `page` with its end at the top of `next`, the page
    /// that follows it (called for each pair of pages in turn, `next` becoming the next `page`).
    static func join(_ page: inout Page, _ next: inout Page, using assembler: PDFTextAssembler) {
        guard
            let lastBody = page.blocks.lastIndex(where: { $0.kind == .paragraph || $0.kind == .listItem }),
            let firstNext = next.blocks.firstIndex(where: { $0.kind != .heading })
        else { return }
        let ending = Array(page.blocks[lastBody].text.unicodeScalars)
        let opening = Array(next.blocks[firstNext].text.unicodeScalars)
        guard next.blocks[firstNext].kind == .paragraph,
            PDFLineOpening.startsLowercase(opening),
            let found = PDFTextAssembler.hyphenBreak(before: ending, next: opening[...]),
            !found.right.isEmpty
        else { return }
        var kept = ending
        switch assembler.decide(found) {
        case .join:
            kept.removeLast(found.spaced ? 2 : 1)
        case .keepHyphen:
            if found.spaced { kept.remove(at: kept.count - 2) }
        case .keepSeparate:
            return
        }
        // Move the rest of the word, with punctuation glued to it, to the first page.
        var cut = found.right.unicodeScalars.count
        while cut < opening.count, !PDFCharacterNormalizer.isSpace(opening[cut]) { cut += 1 }
        kept.append(contentsOf: opening[..<cut])
        var rest = opening[cut...]
        while let first = rest.first, PDFCharacterNormalizer.isSpace(first) { rest = rest.dropFirst() }
        page.blocks[lastBody].text = PDFScalarText.string(kept)
        if rest.isEmpty {
            next.blocks.remove(at: firstNext)
        } else {
            next.blocks[firstNext].text = PDFScalarText.string(rest)
        }
    }
}
