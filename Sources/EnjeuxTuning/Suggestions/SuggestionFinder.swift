import EnjeuxFrench
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxText
import Foundation

/// A candidate term for an issue: a word or a two- or three-word phrase that is more
/// frequent in the top passages than in the corpus as a whole.
package struct Suggestion: Sendable, Hashable {
    /// The phrase as it is most often written in the top passages (lower-cased, acronyms kept).
    package var text: String
    package var words: Int
    /// Documents among the top passages that use it.
    package var documents: Int
    /// Occurrences in the top passages, and in the whole corpus (top passages included).
    package var inTop: Int
    package var inCorpus: Int
    /// Dunning's log-likelihood (G²) of the top passages against the rest of the corpus.
    package var keyness: Double
    /// The first occurrence in the top passages, with some context, and where it is.
    package var example: String
    package var source: String
    package var page: Int
}

/// Keyness of the words and phrases of an issue's top passages against the rest of the corpus.
///
/// Phrases are runs of one to three words inside a sentence (punctuation and symbols cut
/// them); they are counted by their stems, so that inflected forms add up, and may neither
/// start nor end with a function word. Occurrences inside the lexicon's matches are not
/// counted, and candidates the lexicon already matches (any issue) are left out, as are words
/// shorter than three letters and numbers.
package struct SuggestionFinder: Sendable {
    package var lexicon: Lexicon
    /// At least this many occurrences in the top passages.
    package var minimumCount = 2
    /// In at least this many documents among the top passages: a word one document repeats
    /// says more of that document than of the issue.
    package var minimumDocuments = 2
    /// Characters of context around the example.
    package var exampleWidth = 50

    private let functionWords: Set<String>
    private let extraStopWords: Set<String>

    package init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.functionWords = lexicon.functionWordForms
        let analyzer = FrenchAnalyzer(options: lexicon.analyzerOptions)
        self.extraStopWords = Set(FrenchFunctionWords.uninformative.map { analyzer.normalize($0) })
    }

    /// A passage's word runs: for each word, its stem, its norm and its offsets; runs are cut
    /// at punctuation, symbols, URLs and e-mail addresses.
    struct Word {
        var stem: String
        var norm: String
        var start: Int
        var end: Int
    }

    static func runs(_ columns: PassageTokenColumns, table: [(String, String)]) -> [[Word]] {
        var runs: [[Word]] = []
        var current: [Word] = []
        for position in 0..<columns.count {
            let kind = columns.kind[position]
            if kind == .word || kind == .number {
                let (norm, stem) = table[columns.form[position]]
                current.append(Word(stem: stem, norm: norm, start: columns.start[position], end: columns.end[position]))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Whether a run of words can be a term.
    func isCandidate(_ words: ArraySlice<Word>) -> Bool {
        guard let first = words.first, let last = words.last else { return false }
        return isEdge(first.norm) && isEdge(last.norm)
    }

    /// Whether a word (by its normalised form) may start or end a candidate: not a function
    /// or common word, at least three letters, not a number.
    func isEdge(_ norm: String) -> Bool {
        if functionWords.contains(norm) || extraStopWords.contains(norm) { return false }
        if norm.unicodeScalars.filter({ $0.properties.isAlphabetic }).count < 3 { return false }
        return !norm.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
    }

    /// The n-grams (1 to 3 words) of a passage's runs, by stem key, with their offsets; with
    /// `firstStems`, only those starting with one of these stems.
    func ngrams(_ runs: [[Word]], firstStems: Set<String>? = nil) -> [(key: String, start: Int, end: Int, words: Int)] {
        var found: [(key: String, start: Int, end: Int, words: Int)] = []
        for run in runs {
            for first in run.indices {
                if let firstStems, !firstStems.contains(run[first].stem) { continue }
                for size in 1...3 where first + size <= run.count {
                    let words = run[first..<(first + size)]
                    guard isCandidate(words) else { continue }
                    found.append(
                        (words.map(\.stem).joined(separator: " "), words.first?.start ?? 0, words.last?.end ?? 0, size))
                }
            }
        }
        return found
    }

    /// Counts gathered over the top passages, then completed over the whole corpus.
    package struct Counts: Sendable {
        var inTop: [String: Int] = [:]
        /// The first stem of every n-gram of `inTop`.
        var firstStems = Set<String>()
        var documents: [String: Set<String>] = [:]
        var surfaces: [String: [String: Int]] = [:]
        var examples: [String: (example: String, source: String, page: Int)] = [:]
        var inCorpus: [String: Int] = [:]
        /// N-grams counted, per size, in the top passages and in the corpus.
        var topTotals = [0, 0, 0, 0]
        var corpusTotals = [0, 0, 0, 0]

        package init() {}
    }

    /// Counts one passage of the top passages. Words inside `matched` (the offsets of the
    /// lexicon's matches in the passage) are what the lexicon already says: n-grams that
    /// overlap them are not counted.
    package func countTop(
        _ passage: Passage, columns: PassageTokenColumns, table: [(String, String)], source: String,
        matched: [Range<Int>] = [], into counts: inout Counts
    ) {
        let scalars = Array(passage.text.unicodeScalars)
        for gram in ngrams(Self.runs(columns, table: table)) {
            if matched.contains(where: { $0.overlaps(gram.start..<gram.end) }) { continue }
            counts.inTop[gram.key, default: 0] += 1
            counts.firstStems.insert(String(gram.key.prefix { $0 != " " }))
            counts.documents[gram.key, default: []].insert(source)
            counts.topTotals[gram.words] += 1
            let surface = Self.surface(scalars, gram.start, gram.end)
            counts.surfaces[gram.key, default: [:]][surface, default: 0] += 1
            if counts.examples[gram.key] == nil {
                let lower = max(0, gram.start - exampleWidth)
                let upper = min(scalars.count, gram.end + exampleWidth)
                let text = Self.surface(scalars, lower, upper, lowercased: false)
                counts.examples[gram.key] = (
                    (lower > 0 ? "…" : "") + text + (upper < scalars.count ? "…" : ""), source, passage.page
                )
            }
        }
    }

    /// What the corpus count needs to know of each form of a document's forms table: whether
    /// it may start or end a candidate, and whether a top n-gram starts with its stem.
    package struct FormFlags: Sendable {
        var count = 0
        var edge: [Bool] = []
        var startsTop: [Bool] = []

        package init() {}
    }

    /// Brings `flags` up to date with a document's forms table (it only grows within a document).
    package func update(_ flags: inout FormFlags, table: [(String, String)], counts: Counts) {
        guard flags.count != table.count else { return }
        if table.count < flags.count { flags = FormFlags() }
        for (norm, stem) in table[flags.count...] {
            flags.edge.append(isEdge(norm))
            flags.startsTop.append(counts.firstStems.contains(stem))
        }
        flags.count = table.count
    }

    /// Counts one passage of the corpus (every passage, the top ones included): every
    /// candidate n-gram for the totals, and the occurrences of the top passages' n-grams.
    package func countCorpus(
        _ columns: PassageTokenColumns, table: [(String, String)], flags: FormFlags, into counts: inout Counts
    ) {
        var run: [Int] = []
        func flush() {
            for first in run.indices {
                for size in 1...3 where first + size <= run.count {
                    let last = first + size - 1
                    guard flags.edge[run[first]] && flags.edge[run[last]] else { continue }
                    counts.corpusTotals[size] += 1
                    guard flags.startsTop[run[first]] else { continue }
                    let key = run[first...last].map { table[$0].1 }.joined(separator: " ")
                    if counts.inTop[key] != nil { counts.inCorpus[key, default: 0] += 1 }
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        for position in 0..<columns.count {
            let kind = columns.kind[position]
            if kind == .word || kind == .number {
                run.append(columns.form[position])
            } else if !run.isEmpty {
                flush()
            }
        }
        if !run.isEmpty { flush() }
    }

    /// Adds counts gathered on another part of the corpus.
    package static func merge(_ part: Counts, into counts: inout Counts) {
        for (key, value) in part.inCorpus { counts.inCorpus[key, default: 0] += value }
        for size in counts.corpusTotals.indices { counts.corpusTotals[size] += part.corpusTotals[size] }
    }

    /// The best `limit` candidates by keyness, over-represented in the top passages and not
    /// matched by the lexicon.
    package func suggestions(_ counts: Counts, limit: Int) -> [Suggestion] {
        let scorer = Scorer(lexicon: lexicon)
        let analyzer = FrenchAnalyzer(options: lexicon.analyzerOptions)
        var found: [Suggestion] = []
        for (key, inTop) in counts.inTop
        where inTop >= minimumCount && (counts.documents[key]?.count ?? 0) >= minimumDocuments {
            let words = key.split(separator: " ").count
            let inCorpus = max(counts.inCorpus[key] ?? inTop, inTop)
            let topTotal = counts.topTotals[words]
            let restTotal = counts.corpusTotals[words] - topTotal
            let keyness = Self.logLikelihood(inTop, topTotal, inCorpus - inTop, restTotal)
            guard keyness > 0 else { continue }
            let text =
                counts.surfaces[key]?.max {
                    $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key
                }?.key ?? key
            let passage = Passage(
                id: "suggestion", index: 0, page: 1, blockKind: .paragraph, text: text,
                tokens: analyzer.tokens(in: text))
            guard !scorer.analyzed(passage).hasMatches else { continue }
            let example = counts.examples[key]
            found.append(
                Suggestion(
                    text: text, words: words, documents: counts.documents[key]?.count ?? 0, inTop: inTop,
                    inCorpus: inCorpus, keyness: keyness,
                    example: example?.example ?? "", source: example?.source ?? "", page: example?.page ?? 0))
        }
        return found.sorted {
            if $0.keyness != $1.keyness { return $0.keyness > $1.keyness }
            return $0.text.unicodeScalars.lexicographicallyPrecedes($1.text.unicodeScalars)
        }.prefix(limit).map { $0 }
    }

    /// Dunning's G² for a count `a` out of `c` in the target against `b` out of `d` in the
    /// reference; positive when the target over-uses the item, negative when it under-uses it.
    static func logLikelihood(_ a: Int, _ c: Int, _ b: Int, _ d: Int) -> Double {
        guard c > 0, a > 0 else { return 0 }
        let (a, b, c, d) = (Double(a), Double(max(b, 0)), Double(c), Double(max(d, 0)))
        let expectedTarget = c * (a + b) / (c + d)
        let expectedReference = d * (a + b) / (c + d)
        var g2 = a * log(a / expectedTarget)
        if b > 0 && expectedReference > 0 { g2 += b * log(b / expectedReference) }
        g2 *= 2
        let overUsed = d == 0 || a / c > b / d
        return overUsed ? g2 : -g2
    }

    /// The text between two offsets, one line, lower-cased except words in capitals (acronyms).
    static func surface(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, lowercased: Bool = true) -> String {
        let lower = max(0, min(start, scalars.count))
        let upper = max(lower, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        for scalar in scalars[lower..<upper] { view.append(scalar.properties.isWhitespace ? " " : scalar) }
        let text = String(view)
        guard lowercased else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
            let isAcronym = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
            return isAcronym ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }
}
