import EnjeuxFrench
import EnjeuxText

/// A problem in one term, at a Unicode-scalar offset inside the term's text.
struct TermSyntaxIssue: Sendable, Hashable {
    var severity: LexiconDiagnostic.Severity
    var message: String
    var offset: Int
}

/// How a term is written in the file, before analysis.
struct TermOptions: Sendable, Hashable {
    var flexible = false
    var stem = true
}

/// Parses the term syntax (`autonom*`, `=GMF`, `indicateurs [de] performance`,
/// `charge NEAR/5 travail`) into a pattern, with the analyzer the lexicon declares.
struct TermSyntax: Sendable {
    static let defaultMinimumPrefixLength = 3
    static let maximumNearDistance = 30

    let analyzer: FrenchAnalyzer
    /// Fewest characters a glob needs before its `*`.
    let minimumPrefixLength: Int
    let skippable: Set<String>
    let functionWords: Set<String>
    private let skippableStems: Set<String>
    private let functionStems: Set<String>

    init(analyzer: FrenchAnalyzer, minimumPrefixLength: Int = Self.defaultMinimumPrefixLength) {
        self.analyzer = analyzer
        self.minimumPrefixLength = minimumPrefixLength
        self.skippable = Lexicon.functionWordForms(FrenchFunctionWords.skippable, by: analyzer)
        self.functionWords = Lexicon.functionWordForms(FrenchFunctionWords.notATerm, by: analyzer)
        self.skippableStems = Set(skippable.map(analyzer.stem))
        self.functionStems = Set(functionWords.map(analyzer.stem))
    }

    /// The pattern of `text`, or nil when an error was found; issues carry offsets into `text`.
    func parse(_ text: String, options: TermOptions) -> (pattern: TermPattern?, issues: [TermSyntaxIssue]) {
        var session = analyzer.makeSession()
        return parse(text, options: options, session: &session)
    }

    /// The same with an analysis session kept from one term to the next (one per thread).
    func parse(_ text: String, options: TermOptions, session: inout FrenchAnalyzer.Session) -> (
        pattern: TermPattern?, issues: [TermSyntaxIssue]
    ) {
        var issues: [TermSyntaxIssue] = []
        let pieces = lex(text, issues: &issues)
        guard !issues.contains(where: { $0.severity == .error }) else { return (nil, issues) }

        let nearIndices = pieces.indices.filter { pieces[$0].isNear }
        if nearIndices.count > 1 {
            issues.append(
                .init(severity: .error, message: "only one NEAR per term", offset: pieces[nearIndices[1]].offset))
            return (nil, issues)
        }
        if let nearIndex = nearIndices.first {
            let near = pieces[nearIndex]
            guard let distance = nearDistance(near, issues: &issues) else { return (nil, issues) }
            let leftPieces = Array(pieces[..<nearIndex])
            let rightPieces = Array(pieces[(nearIndex + 1)...])
            if leftPieces.isEmpty || rightPieces.isEmpty {
                issues.append(.init(severity: .error, message: "NEAR needs words on both sides", offset: near.offset))
                return (nil, issues)
            }
            let left = sequence(leftPieces, options: options, termOffset: 0, issues: &issues, session: &session)
            let right = sequence(
                rightPieces, options: options, termOffset: near.offset, issues: &issues, session: &session)
            guard let left, let right, !issues.contains(where: { $0.severity == .error }) else { return (nil, issues) }
            return (.near(left, right, distance: distance), issues)
        }
        guard let only = sequence(pieces, options: options, termOffset: 0, issues: &issues, session: &session),
            !issues.contains(where: { $0.severity == .error })
        else { return (nil, issues) }
        return (.sequence(only), issues)
    }

    // MARK: - Lexing

    /// A whitespace-separated piece of a term, or an optional group.
    struct Piece: Sendable, Hashable {
        var text: String
        var offset: Int
        /// Alternatives of a group, each a list of words; nil for a plain piece.
        var alternatives: [[Piece]]?
        /// True for `[…]` (optional), false for `(…)` (one alternative required).
        var isOptional = true

        var isNear: Bool { alternatives == nil && (text == "NEAR" || text.hasPrefix("NEAR/")) }
    }

    private func lex(_ text: String, issues: inout [TermSyntaxIssue]) -> [Piece] {
        var pieces: [Piece] = []
        var word = ""
        var wordStart = 0
        var group: [[Piece]]? = nil
        var groupStart = 0
        var groupIsOptional = true

        func flush() {
            guard !word.isEmpty else { return }
            let piece = Piece(text: word, offset: wordStart)
            if var alternatives = group {
                alternatives[alternatives.count - 1].append(piece)
                group = alternatives
            } else {
                pieces.append(piece)
            }
            word = ""
        }

        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "[", "(":
                flush()
                if group != nil {
                    issues.append(
                        .init(severity: .error, message: "nested '\(scalar)' is not supported", offset: offset))
                    return []
                }
                group = [[]]
                groupStart = offset
                groupIsOptional = scalar == "["
            case "]", ")":
                flush()
                let opening = scalar == "]" ? "[" : "("
                guard let alternatives = group, groupIsOptional == (scalar == "]") else {
                    issues.append(
                        .init(
                            severity: .error, message: "unbalanced '\(scalar)' (no matching '\(opening)')",
                            offset: offset))
                    return []
                }
                if alternatives.contains(where: \.isEmpty) {
                    issues.append(.init(severity: .error, message: "empty alternative in group", offset: groupStart))
                    return []
                }
                pieces.append(
                    Piece(text: "", offset: groupStart, alternatives: alternatives, isOptional: groupIsOptional))
                group = nil
            case "|":
                flush()
                guard var alternatives = group else {
                    issues.append(
                        .init(
                            severity: .error, message: "'|' separates alternatives inside [ ] or ( ) only",
                            offset: offset))
                    return []
                }
                alternatives.append([])
                group = alternatives
            default:
                if scalar.properties.isWhitespace {
                    flush()
                } else {
                    if word.isEmpty { wordStart = offset }
                    word.unicodeScalars.append(scalar)
                }
            }
        }
        flush()
        if group != nil {
            let (opening, closing) = groupIsOptional ? ("[", "]") : ("(", ")")
            issues.append(
                .init(severity: .error, message: "unbalanced '\(opening)' (missing '\(closing)')", offset: groupStart))
            return []
        }
        return pieces
    }

    private func nearDistance(_ piece: Piece, issues: inout [TermSyntaxIssue]) -> Int? {
        guard piece.text.hasPrefix("NEAR/") else {
            issues.append(.init(severity: .error, message: "NEAR needs a distance, as in NEAR/5", offset: piece.offset))
            return nil
        }
        let digits = piece.text.dropFirst(5)
        guard let distance = Int(digits), (1...Self.maximumNearDistance).contains(distance) else {
            issues.append(
                .init(
                    severity: .error,
                    message:
                        "bad NEAR distance '\(digits)': write a whole number from 1 to \(Self.maximumNearDistance)",
                    offset: piece.offset + 5))
            return nil
        }
        return distance
    }

    // MARK: - Elements

    private func sequence(
        _ pieces: [Piece], options: TermOptions, termOffset: Int, issues: inout [TermSyntaxIssue],
        session: inout FrenchAnalyzer.Session
    ) -> TermSequence? {
        var elements: [TermElement] = []
        var sawWord = false
        for piece in pieces {
            if piece.alternatives != nil {
                guard
                    let group = self.group(
                        piece, options: options, isFirst: elements.isEmpty, issues: &issues, session: &session)
                else { return nil }
                if let group {
                    sawWord = sawWord || !piece.isOptional
                    elements.append(group)
                }
            } else {
                guard let words = self.elements(of: piece, options: options, issues: &issues, session: &session) else {
                    return nil
                }
                sawWord = sawWord || !words.isEmpty
                elements += words
            }
        }
        if options.flexible {
            elements = elements.filter { !isSkippable($0) }
            while elements.first?.isOptional == true { elements.removeFirst() }
        }
        guard checkIdentifies(elements, sawWord: sawWord, termOffset: termOffset, issues: &issues) else { return nil }
        return TermSequence(elements: elements, flexible: options.flexible)
    }

    /// A group `( … | … )` or optional group `[ … | … ]` as one element: nil when it is wrong
    /// (the issue is recorded), `.some(nil)` for an optional group at the start, which is
    /// ignored with a warning.
    private func group(
        _ piece: Piece, options: TermOptions, isFirst: Bool, issues: inout [TermSyntaxIssue],
        session: inout FrenchAnalyzer.Session
    ) -> TermElement?? {
        let alternatives = piece.alternatives ?? []
        if alternatives.contains(where: { $0.contains(where: \.isNear) }) {
            issues.append(.init(severity: .error, message: "NEAR cannot stand inside a group", offset: piece.offset))
            return nil
        }
        var compiled: [[TermElement]] = []
        for alternative in alternatives {
            var run: [TermElement] = []
            for word in alternative {
                guard let words = self.elements(of: word, options: options, issues: &issues, session: &session)
                else { return nil }
                run += words
            }
            if !run.isEmpty { compiled.append(run) }
        }
        if compiled.isEmpty {
            issues.append(.init(severity: .error, message: "group has no words", offset: piece.offset))
            return nil
        }
        if !piece.isOptional {
            if compiled.count < alternatives.count {
                issues.append(
                    .init(severity: .error, message: "every alternative of ( ) needs a word", offset: piece.offset))
                return nil
            }
            return .some(.choice(compiled))
        }
        if isFirst {
            issues.append(
                .init(
                    severity: .warning,
                    message: "an optional group at the start of a term has no effect; it is ignored",
                    offset: piece.offset))
            return .some(nil)
        }
        return .some(.optional(compiled))
    }

    /// Whether a term's elements can identify an issue: some element left, and not only
    /// function words. Records the error otherwise.
    private func checkIdentifies(
        _ elements: [TermElement], sawWord: Bool, termOffset: Int, issues: inout [TermSyntaxIssue]
    ) -> Bool {
        guard !elements.isEmpty else {
            let message =
                sawWord
                ? "term has only articles or prepositions; it cannot identify an issue"
                : "term has no words; it can never match"
            issues.append(.init(severity: .error, message: message, offset: termOffset))
            return false
        }
        let required = elements.filter { !$0.isOptional }
        if required.allSatisfy(isFunctionWord) {
            issues.append(
                .init(
                    severity: .error,
                    message: "term has only function words or punctuation; it cannot identify an issue",
                    offset: termOffset))
            return false
        }
        return true
    }

    /// The elements of one whitespace-separated piece; nil after an error.
    private func elements(
        of piece: Piece, options: TermOptions, issues: inout [TermSyntaxIssue], session: inout FrenchAnalyzer.Session
    ) -> [TermElement]? {
        var text = piece.text
        if text.hasPrefix("=") {
            let surface = String(text.dropFirst())
            if surface.isEmpty {
                issues.append(.init(severity: .error, message: "empty exact form '='", offset: piece.offset))
                return nil
            }
            if surface.contains("*") {
                issues.append(
                    .init(severity: .error, message: "an exact form (=…) cannot be a glob", offset: piece.offset))
                return nil
            }
            let tokens = session.tokens(in: surface)
            guard tokens.count == 1, let token = tokens.first, token.start == 0,
                token.end == surface.unicodeScalars.count
            else {
                issues.append(
                    .init(
                        severity: .error,
                        message: "exact form '=\(surface)' must be a single token; write one =form per word",
                        offset: piece.offset))
                return nil
            }
            return [.exact(surface)]
        }
        var isGlob = false
        if let star = text.unicodeScalars.firstIndex(of: "*") {
            let starOffset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: star)
            if text == "*" {
                issues.append(
                    .init(severity: .error, message: "empty glob '*' would match every word", offset: piece.offset))
                return nil
            }
            if starOffset != text.unicodeScalars.count - 1 {
                issues.append(
                    .init(
                        severity: .error, message: "'*' is only allowed at the end of a word (prefix glob)",
                        offset: piece.offset + starOffset))
                return nil
            }
            text.unicodeScalars.removeLast()
            isGlob = true
        }
        let tokens = session.tokens(in: text).filter { $0.kind == .word || $0.kind == .number }
        var elements: [TermElement] = []
        for (index, token) in tokens.enumerated() {
            if isGlob && index == tokens.count - 1 {
                if token.norm.count < minimumPrefixLength {
                    issues.append(
                        .init(
                            severity: .error,
                            message:
                                "glob '\(piece.text)' is too short: write at least \(minimumPrefixLength) letters before '*'",
                            offset: piece.offset))
                    return nil
                }
                elements.append(.prefix(token.norm))
            } else if options.stem && analyzer.options.stem {
                elements.append(.stem(token.stem))
            } else {
                elements.append(.norm(token.norm))
            }
        }
        if isGlob && tokens.isEmpty {
            issues.append(.init(severity: .error, message: "glob '\(piece.text)' has no letters", offset: piece.offset))
            return nil
        }
        return elements
    }

    private func isSkippable(_ element: TermElement) -> Bool {
        switch element {
        case .stem(let stem): skippableStems.contains(stem)
        case .norm(let norm): skippable.contains(norm)
        case .optional(let alternatives), .choice(let alternatives):
            alternatives.allSatisfy { $0.allSatisfy(isSkippable) }
        case .prefix, .exact: false
        }
    }

    private func isFunctionWord(_ element: TermElement) -> Bool {
        switch element {
        case .stem(let stem): functionStems.contains(stem)
        case .norm(let norm): functionWords.contains(norm)
        case .choice(let alternatives): alternatives.allSatisfy { $0.allSatisfy(isFunctionWord) }
        default: false
        }
    }
}
