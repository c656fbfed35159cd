/// One position of a term pattern, matched against one token (or, for an optional group,
/// against zero or more tokens).
package enum TermElement: Sendable, Hashable, CustomStringConvertible {
    /// A word matched on its stem (`indicateur` finds `indicateurs`).
    case stem(String)
    /// A word matched on its normalised form, without stemming.
    case norm(String)
    /// A prefix glob (`autonom*`), matched on the normalised form.
    case prefix(String)
    /// An exact surface form (`=GMF`): case- and accent-sensitive, no stemming.
    case exact(String)
    /// An optional group: one of the alternatives (each a run of consecutive tokens), or nothing.
    case optional([[TermElement]])
    /// A required group: exactly one of the alternatives.
    case choice([[TermElement]])

    package var description: String {
        switch self {
        case .stem(let stem): "stem:\(stem)"
        case .norm(let norm): "norm:\(norm)"
        case .prefix(let prefix): "\(prefix)*"
        case .exact(let surface): "=\(surface)"
        case .optional(let alternatives):
            "[" + alternatives.map { $0.map(\.description).joined(separator: " ") }.joined(separator: "|") + "]"
        case .choice(let alternatives):
            "(" + alternatives.map { $0.map(\.description).joined(separator: " ") }.joined(separator: "|") + ")"
        }
    }

    var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }
}

/// A run of elements matched on consecutive tokens.
package struct TermSequence: Sendable, Hashable, CustomStringConvertible {
    /// The elements; the first one is always required, so it can key the matcher's index.
    package var elements: [TermElement]
    /// When true, up to `TermSequence.maximumGap` articles or prepositions may stand between
    /// two elements (and the ones written in the term are not required).
    package var flexible: Bool

    /// Most function-word tokens a flexible sequence skips between two of its elements.
    package static let maximumGap = 2

    package init(elements: [TermElement], flexible: Bool) {
        self.elements = elements
        self.flexible = flexible
    }

    package var description: String {
        elements.map(\.description).joined(separator: " ") + (flexible ? " (flexible)" : "")
    }
}

/// What a term matches: a sequence of words, or two sequences near each other.
package enum TermPattern: Sendable, Hashable, CustomStringConvertible {
    case sequence(TermSequence)
    /// Both sides in the same sentence, in either order, with at most `distance` words between them.
    case near(TermSequence, TermSequence, distance: Int)

    package var description: String {
        switch self {
        case .sequence(let sequence): sequence.description
        case .near(let left, let right, let distance): "\(left) NEAR/\(distance) \(right)"
        }
    }
}
