import EnjeuxModel

/// Chooses the passages of a brief and puts them under their issues.
package enum BriefSelector {
    /// The brief of `choice` over `evidence`. Errors name the selection line or the option at
    /// fault: an id that is not in the evidence, an issue the run does not have.
    package static func brief(
        _ evidence: BriefEvidence, choice: BriefChoice, title: String, date: String
    ) throws(BriefError) -> Brief {
        let chosen: [(issue: String, passage: EvidencePassage)]
        switch choice {
        case .selection(let lines, let file):
            chosen = try selected(lines, file: file, evidence: evidence)
        case .top(let count, let issues):
            chosen = try top(count, issues: issues, evidence: evidence)
        }
        var quotes: [String: [BriefQuote]] = [:]
        var cited = Set<String>()
        for (issue, passage) in chosen {
            guard let item = evidence.references[passage.source] else {
                throw BriefError(
                    .invalidInput, path: "references.json",
                    message: "no item for \(passage.source), cited by passage \(passage.passageId)")
            }
            cited.insert(item.id)
            quotes[issue, default: []].append(BriefQuote(passage: passage, key: item.id))
        }
        let order = issueOrder(choice, evidence: evidence)
        let sections = order.compactMap { issue in
            quotes[issue.id].map { BriefSection(issue: issue, quotes: $0) }
        }
        let references = evidence.references.values.filter { cited.contains($0.id) }.sorted {
            ($0.source ?? $0.id).unicodeScalars.lexicographicallyPrecedes(($1.source ?? $1.id).unicodeScalars)
        }
        return Brief(title: title, date: date, sections: sections, references: references)
    }

    /// Headings in the run's issue order, or in the order `--issue` gave them.
    private static func issueOrder(_ choice: BriefChoice, evidence: BriefEvidence) -> [BriefIssue] {
        var issues = evidence.issues
        for passage in evidence.passages where !issues.contains(where: { $0.id == passage.category }) {
            issues.append(BriefIssue(id: passage.category, label: passage.label))
        }
        guard case .top(_, let chosen) = choice, !chosen.isEmpty else { return issues }
        var seen = Set<String>()
        return chosen.filter { seen.insert($0).inserted }.compactMap { id in issues.first { $0.id == id } }
    }

    /// Each selected passage once, under the first issue that shows it.
    private static func selected(_ lines: [SelectionFile.Line], file: String, evidence: BriefEvidence)
        throws(BriefError) -> [(issue: String, passage: EvidencePassage)]
    {
        guard !lines.isEmpty else {
            throw BriefError(.invalidInput, path: file, message: "no passage id (one id per line, # for comments)")
        }
        var first: [String: EvidencePassage] = [:]
        for passage in evidence.passages where first[passage.passageId] == nil { first[passage.passageId] = passage }
        var seen = Set<String>()
        var chosen: [(issue: String, passage: EvidencePassage)] = []
        for line in lines where seen.insert(line.id).inserted {
            guard let passage = first[line.id] else {
                throw BriefError(
                    .invalidInput, path: file, line: line.number, message: unknownIdMessage(line.id, evidence: evidence)
                )
            }
            chosen.append((passage.category, passage))
        }
        return chosen
    }

    private static func unknownIdMessage(_ id: String, evidence: BriefEvidence) -> String {
        if let shown = evidence.passages.first(where: { $0.duplicateIds.contains(id) }) {
            return "passage \(id) is not in the evidence: it repeats passage \(shown.passageId) "
                + "(\(shown.source)), shown in its place; select \(shown.passageId)"
        }
        return "unknown passage id \(id): no passage of evidence.jsonl has it"
    }

    /// The first `count` passages of each chosen issue not quoted under an earlier one.
    private static func top(_ count: Int, issues chosen: [String], evidence: BriefEvidence)
        throws(BriefError) -> [(issue: String, passage: EvidencePassage)]
    {
        let known = evidence.issues.map(\.id) + evidence.passages.map(\.category)
        for id in chosen where !known.contains(id) {
            let list = evidence.issues.map(\.id).joined(separator: ", ")
            throw BriefError(.usage, path: "", message: "unknown issue \(id); the issues of this run are: \(list)")
        }
        var seen = Set<String>()
        var result: [(issue: String, passage: EvidencePassage)] = []
        for issue in issueOrder(.top(count, issues: chosen), evidence: evidence).map(\.id) {
            var taken = 0
            for passage in evidence.passages.filter({ $0.category == issue }).sorted(by: { $0.rank < $1.rank }) {
                guard taken < count else { break }
                guard seen.insert(passage.passageId).inserted else { continue }
                result.append((issue, passage))
                taken += 1
            }
        }
        return result
    }
}
