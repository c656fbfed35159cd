import EnjeuxModel

/// A passage as the brief quotes it, with the key of its document's CSL item.
package struct BriefQuote: Sendable, Hashable {
    package var passage: EvidencePassage
    package var key: String

    package init(passage: EvidencePassage, key: String) {
        self.passage = passage
        self.key = key
    }
}

/// The quotes under one issue's heading.
package struct BriefSection: Sendable, Hashable {
    package var issue: BriefIssue
    package var quotes: [BriefQuote]

    package init(issue: BriefIssue, quotes: [BriefQuote]) {
        self.issue = issue
        self.quotes = quotes
    }
}

/// A brief: its title and date, its sections in issue order, and the CSL items of the
/// documents it cites (each once, in the order of `references.json`).
package struct Brief: Sendable, Hashable {
    package var title: String
    /// As it is printed under the title (`23 novembre 2026`).
    package var date: String
    package var sections: [BriefSection]
    package var references: [CSLItem]

    package init(title: String, date: String, sections: [BriefSection], references: [CSLItem]) {
        self.title = title
        self.date = date
        self.sections = sections
        self.references = references
    }

    /// Every quote, in order.
    package var quotes: [BriefQuote] { sections.flatMap(\.quotes) }
}
