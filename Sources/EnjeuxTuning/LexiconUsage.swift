import EnjeuxLexicon

/// Warnings about how a lexicon's terms are used: a term listed under several issues (it
/// scores each of them, which is rarely meant), and terms that match nothing in the corpus.
package enum LexiconUsage {
    /// One warning per repeated term (same text, case and spacing aside), at its second and
    /// later places, naming the first.
    package static func sharedTerms(_ lexicon: Lexicon, file: String) -> [LexiconDiagnostic] {
        var first: [String: (issue: String, position: SourcePosition)] = [:]
        var warnings: [LexiconDiagnostic] = []
        for category in lexicon.categories {
            for term in category.terms {
                let key = term.text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if let earlier = first[key] {
                    guard earlier.issue != category.id else { continue }
                    warnings.append(
                        LexiconDiagnostic(
                            file: file, line: term.position.line, column: term.position.column, severity: .warning,
                            message:
                                "term \"\(term.text)\" is also in issue \(earlier.issue) (line \(earlier.position.line)): "
                                + "it scores both"))
                } else {
                    first[key] = (category.id, term.position)
                }
            }
        }
        return warnings
    }

    /// One warning per term that matches no passage of the corpus the statistics describe.
    package static func unmatchedTerms(
        _ statistics: [IssueStatistics], lexicon: Lexicon, file: String, corpus: String
    ) -> [LexiconDiagnostic] {
        var warnings: [LexiconDiagnostic] = []
        for (issue, category) in zip(statistics, lexicon.categories) {
            let unmatched = Set(issue.unmatched.map(\.term))
            for term in category.terms where unmatched.contains(term.text) {
                warnings.append(
                    LexiconDiagnostic(
                        file: file, line: term.position.line, column: term.position.column, severity: .warning,
                        message: "term \"\(term.text)\" (\(category.id)) matches nothing in \(corpus)"))
            }
        }
        return warnings
    }
}
