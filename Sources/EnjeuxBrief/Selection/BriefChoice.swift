/// Which passages a brief quotes.
package enum BriefChoice: Sendable, Hashable {
    /// The passages of a selection file, in its order, each under its first issue.
    case selection([SelectionFile.Line], file: String)
    /// The first `count` passages of each issue in `issues` (every issue when empty), in rank
    /// order, a passage already quoted under an earlier issue giving way to the next one.
    case top(Int, issues: [String])
}
