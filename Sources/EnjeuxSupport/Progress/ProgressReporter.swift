/// Where a piece of work over many items (documents of a stage) says how far it is. Libraries
/// report through it; the executable decides what shows (a bar on a terminal, nothing in a
/// pipe), so no library writes to the terminal on its own.
public protocol ProgressReporter: Sendable {
    /// Counts `count` more items done; called from any thread.
    func advance(by count: Int)
    /// The work is over.
    func finish()
}

/// Makes the reporter of one piece of work: its label ("score") and how many items it has.
public typealias ProgressFactory = @Sendable (_ label: String, _ total: Int) -> any ProgressReporter

/// Reports to no one: the default of every stage, and what tests use.
public struct SilentProgress: ProgressReporter {
    public init() {}
    public func advance(by count: Int) {}
    public func finish() {}

    /// A factory of silent reporters.
    public static let factory: ProgressFactory = { _, _ in SilentProgress() }
}
