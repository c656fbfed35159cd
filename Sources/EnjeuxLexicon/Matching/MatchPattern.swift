/// A term element compiled for matching: stems and normalised forms become vocabulary ids,
/// compared with the ids of a passage's tokens instead of strings.
enum MatchElement: Sendable {
    /// A word whose stem has this vocabulary id.
    case stem(Int32)
    /// A word whose normalised form has this vocabulary id.
    case norm(Int32)
    /// A word whose normalised form starts with this prefix.
    case prefix(String)
    /// A token with exactly this surface text.
    case exact(String)
    case optional([[MatchElement]])
    case choice([[MatchElement]])

    /// Compiles `element`, interning its stems and normalised forms into `vocabulary`.
    init(_ element: TermElement, vocabulary: inout TokenVocabulary) {
        switch element {
        case .stem(let stem): self = .stem(vocabulary.intern(stem))
        case .norm(let norm): self = .norm(vocabulary.intern(norm))
        case .prefix(let prefix): self = .prefix(prefix)
        case .exact(let surface): self = .exact(surface)
        case .optional(let alternatives):
            self = .optional(alternatives.map { $0.map { MatchElement($0, vocabulary: &vocabulary) } })
        case .choice(let alternatives):
            self = .choice(alternatives.map { $0.map { MatchElement($0, vocabulary: &vocabulary) } })
        }
    }
}

/// A `TermSequence` compiled for matching.
struct MatchSequence: Sendable {
    var elements: [MatchElement]
    var flexible: Bool

    init(_ sequence: TermSequence, vocabulary: inout TokenVocabulary) {
        self.elements = sequence.elements.map { MatchElement($0, vocabulary: &vocabulary) }
        self.flexible = sequence.flexible
    }
}

/// A `TermPattern` compiled for matching.
enum MatchPattern: Sendable {
    case sequence(MatchSequence)
    case near(MatchSequence, MatchSequence, distance: Int)

    init(_ pattern: TermPattern, vocabulary: inout TokenVocabulary) {
        switch pattern {
        case .sequence(let sequence): self = .sequence(MatchSequence(sequence, vocabulary: &vocabulary))
        case .near(let left, let right, let distance):
            self = .near(
                MatchSequence(left, vocabulary: &vocabulary), MatchSequence(right, vocabulary: &vocabulary),
                distance: distance)
        }
    }
}

/// An element of a sequence made of words and stems only: a vocabulary id and which of the
/// token's ids it is compared with.
struct SimpleElement: Sendable {
    var id: Int32
    var isStem: Bool
}

/// A sequence of words and stems: its elements in `CompiledLexicon.simpleElements`.
struct SimpleSequence: Sendable {
    var elements: Range<Int>
    var flexible: Bool
}
