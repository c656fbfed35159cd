import EnjeuxCore

/// A document that could not be processed, as listed in `run.json` and `run.md`.
public struct RunFailure: Codable, Sendable, Hashable {
    /// Path of the document relative to the corpus folder.
    public var path: String
    /// Stable machine-friendly code (`password_required`).
    public var code: String
    /// Human-readable reason.
    public var reason: String

    public init(path: String, code: String, reason: String) {
        self.path = path
        self.code = code
        self.reason = reason
    }

    /// The failure of a document as the extractor reported it.
    public init(_ error: DocumentError) {
        self.init(path: error.path, code: error.failure.code, reason: error.failure.reason)
    }
}

/// A problem that did not stop a document from being processed.
public struct RunWarning: Codable, Sendable, Hashable {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

/// How long one stage took and how much work it did.
public struct StageTiming: Codable, Sendable, Hashable {
    /// Stage name (`extract`, `tokenize`, `score`, `rank`).
    public var stage: String
    public var seconds: Double
    /// Documents processed anew.
    public var processed: Int
    /// Documents whose earlier output was reused unchanged.
    public var reused: Int

    public init(stage: String, seconds: Double, processed: Int, reused: Int) {
        self.stage = stage
        self.seconds = seconds
        self.processed = processed
        self.reused = reused
    }
}

/// How many passages one issue had above the threshold, and how many are shown.
public struct IssueCount: Codable, Sendable, Hashable {
    public var category: String
    public var label: String
    /// Passages whose score for the issue is above the threshold, duplicates included.
    public var candidates: Int
    /// Passages written to the evidence files for the issue.
    public var shown: Int

    public init(category: String, label: String, candidates: Int, shown: Int) {
        self.category = category
        self.label = label
        self.candidates = candidates
        self.shown = shown
    }
}

/// What a run did: counts, failures, warnings, the lexicon, timings and the date.
/// Written as `Evidence/run.json` and summarised in French in `Evidence/run.md`.
public struct RunReport: Codable, Sendable, Hashable {
    /// When the run started, as the caller formats it (ISO 8601 recommended).
    public var startedAt: String
    public var documents: Int
    public var pages: Int
    public var passages: Int
    public var failures: [RunFailure]
    public var warnings: [RunWarning]
    public var lexicon: LexiconInfo
    /// Stage timings in pipeline order.
    public var stages: [StageTiming]
    /// Filled in by `EvidenceWriter`: per-issue counts in lexicon order.
    public var issues: [IssueCount]
    /// Filled in by `EvidenceWriter`: the ranking options used.
    public var ranking: EvidenceOptions?

    public init(
        startedAt: String, documents: Int, pages: Int, passages: Int, failures: [RunFailure] = [],
        warnings: [RunWarning] = [], lexicon: LexiconInfo, stages: [StageTiming] = [],
        issues: [IssueCount] = [], ranking: EvidenceOptions? = nil
    ) {
        self.startedAt = startedAt
        self.documents = documents
        self.pages = pages
        self.passages = passages
        self.failures = failures
        self.warnings = warnings
        self.lexicon = lexicon
        self.stages = stages
        self.issues = issues
        self.ranking = ranking
    }
}
