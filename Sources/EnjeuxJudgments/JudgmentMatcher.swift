import EnjeuxEvaluation

/// A passage of the current run that judgments can attach to.
package struct JudgeablePassage: Sendable, Hashable {
    package var passageId: String
    /// The document, relative to the corpus folder.
    package var source: String
    package var text: String

    package init(passageId: String, source: String, text: String) {
        self.passageId = passageId
        self.source = source
        self.text = text
    }
}

/// Where a judgment landed in the current run.
package enum JudgmentAttachment: Sendable, Hashable {
    /// The passage with the judged text (same id, or same source and text after a re-extraction).
    case same(passageId: String)
    /// A passage of the same document that contains the judged text or is most of it (the
    /// passage boundaries or a few words of the document changed).
    case overlapping(passageId: String)
    /// No passage of the document holds the judged text any more (or the document is gone).
    case missing

    package var passageId: String? {
        switch self {
        case .same(let id), .overlapping(let id): id
        case .missing: nil
        }
    }
}

/// Attaches judgments to the passages of a run by source and text, not only by id, so that
/// they survive re-extraction, a re-tokenization with other passage boundaries and lexicon
/// edits.
package struct JudgmentMatcher: Sendable {
    private struct Entry: Sendable {
        var passageId: String
        var normalized: String
    }

    private var bySource: [String: [Entry]] = [:]
    private var byText: [String: [String: String]] = [:]  // source → normalised text → first id
    private var ids: [String: (source: String, normalized: String)] = [:]

    /// `sources`, when given, limits the matcher to the passages of those documents (the
    /// documents judgments name), so that the others' text is not normalised for nothing.
    package init(passages: some Sequence<JudgeablePassage>, sources: Set<String>? = nil) {
        for passage in passages where sources?.contains(passage.source) ?? true {
            let normalized = QuoteNormalizer.normalize(passage.text)
            bySource[passage.source, default: []].append(Entry(passageId: passage.passageId, normalized: normalized))
            if byText[passage.source]?[normalized] == nil {
                byText[passage.source, default: [:]][normalized] = passage.passageId
            }
            ids[passage.passageId] = (passage.source, normalized)
        }
    }

    /// Where `judgment` lands: its own passage id when it still has the judged text, else the
    /// first passage of the document with that text, else the passage of the document that
    /// overlaps it most (containment either way, at least half of the longer text).
    package func attach(_ judgment: Judgment) -> JudgmentAttachment {
        let quote = QuoteNormalizer.normalize(judgment.quote)
        if let known = ids[judgment.passageId], known.source == judgment.source, known.normalized == quote {
            return .same(passageId: judgment.passageId)
        }
        if let id = byText[judgment.source]?[quote] { return .same(passageId: id) }
        var best: (id: String, share: Double)?
        for entry in bySource[judgment.source] ?? [] {
            let share = Self.overlap(entry.normalized, quote)
            if share >= 0.5, share > (best?.share ?? 0) { best = (entry.passageId, share) }
        }
        return best.map { .overlapping(passageId: $0.id) } ?? .missing
    }

    /// The shorter text's share of the longer one when one contains the other, else 0.
    static func overlap(_ first: String, _ second: String) -> Double {
        let a = first.utf8.count
        let b = second.utf8.count
        guard a > 0, b > 0 else { return 0 }
        let (longer, shorter) = a >= b ? (first, second) : (second, first)
        // The longer text contains the shorter one (HitRule's first case).
        guard HitRule.hits(passage: longer, quote: shorter) else { return 0 }
        return Double(min(a, b)) / Double(max(a, b))
    }
}
