import EnjeuxModel

/// A document that could not be processed, as listed in `run.json` and `run.md`.
package struct RunFailure: Codable, Sendable, Hashable {
    /// Path of the document relative to the corpus folder.
    package var path: String
    /// Stable machine-friendly code (`password_required`).
    package var code: String
    /// Human-readable reason, in English (the console's words).
    package var reason: String
    /// The failure itself, from which readers' files word the reason in French; nil in
    /// records written before it was kept (the French then follows `code`).
    package var failure: ExtractionFailure?

    package init(path: String, code: String, reason: String, failure: ExtractionFailure? = nil) {
        self.path = path
        self.code = code
        self.reason = reason
        self.failure = failure
    }

    /// The failure of a document as the extractor reported it.
    package init(_ error: DocumentError) {
        self.init(path: error.path, code: error.failure.code, reason: error.failure.reason, failure: error.failure)
    }

    private enum CodingKeys: String, CodingKey { case path, code, reason, failure }

    /// A `failure` this version cannot read (written by a later one) is left out, not an error.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        code = try container.decode(String.self, forKey: .code)
        reason = try container.decode(String.self, forKey: .reason)
        failure = try? container.decodeIfPresent(ExtractionFailure.self, forKey: .failure)
    }
}

/// A problem that did not stop a document from being processed: a document's warning
/// (`DocumentWarning`) or a catalog's (`CatalogProblem`), by its code and values, with the
/// English sentence of the console.
package struct RunWarning: Codable, Sendable, Hashable {
    /// The document, or the catalog file, the warning is about.
    package var path: String
    /// Stable machine-friendly code (`no_text_layer`, `catalog_no_path`); `other` for a free text.
    package var code: String
    /// The English sentence.
    package var message: String
    /// The values the warning names (a page, a line, a label), by name; nil when none.
    package var values: [String: String]?

    package init(path: String, code: String = "other", message: String, values: [String: String]? = nil) {
        self.path = path
        self.code = code
        self.message = message
        self.values = values?.isEmpty == true ? nil : values
    }

    /// A document's warning.
    package init(path: String, warning: DocumentWarning) {
        self.init(path: path, code: warning.code, message: warning.message, values: warning.values)
    }
}

/// How long one stage took and how much work it did.
package struct StageTiming: Codable, Sendable, Hashable {
    /// Stage name (`extract`, `tokenize`, `score`, `rank`).
    package var stage: String
    package var seconds: Double
    /// Documents processed anew.
    package var processed: Int
    /// Documents whose earlier output was reused unchanged.
    package var reused: Int

    package init(stage: String, seconds: Double, processed: Int, reused: Int) {
        self.stage = stage
        self.seconds = seconds
        self.processed = processed
        self.reused = reused
    }
}

/// How many passages one issue had above the threshold, and how many are shown.
package struct IssueCount: Codable, Sendable, Hashable {
    package var category: String
    package var label: String
    /// Passages whose score for the issue is above the threshold, duplicates included.
    package var candidates: Int
    /// Passages written to the evidence files for the issue.
    package var shown: Int
    /// What the list learned from the group's judgments; absent without judgments.
    package var learning: LearningSummary?

    package init(category: String, label: String, candidates: Int, shown: Int, learning: LearningSummary? = nil) {
        self.category = category
        self.label = label
        self.candidates = candidates
        self.shown = shown
        self.learning = learning
    }
}

/// What a run did: counts, failures, warnings, the lexicon, timings and the date.
/// Written as `Evidence/run.json` and summarised in French in `Evidence/run.md`.
package struct RunReport: Codable, Sendable, Hashable {
    /// When the run started, as the caller formats it (ISO 8601 recommended).
    package var startedAt: String
    package var documents: Int
    package var pages: Int
    package var passages: Int
    package var failures: [RunFailure]
    package var warnings: [RunWarning]
    /// Folders of the corpus that were not read (resources of saved web pages).
    package var ignoredFolders: [RunIgnoredFolder]
    /// Files of the corpus that were not read (unsupported formats, hidden files, lock files).
    package var ignoredFiles: [RunIgnoredFile]
    /// Symbolic links of the corpus that lead outside its folder, followed.
    package var followedLinks: [RunFollowedLink] = []
    package var lexicon: LexiconInfo
    /// Stage timings in pipeline order.
    package var stages: [StageTiming]
    /// Filled in by `EvidenceWriter`: per-issue counts in lexicon order.
    package var issues: [IssueCount]
    /// Filled in by `EvidenceWriter`: the ranking options used.
    package var ranking: EvidenceOptions?
    /// Filled in by `EvidenceWriter`: documents with scored passages below the document
    /// evidence level, whose passages no list shows.
    package var leftOutDocuments: [RunLeftOutDocument] = []
    /// The judgments the lists learned from; nil without a judgments file.
    package var judgments: RunJudgments?
    /// The corpus folder and the work folder of the run, as absolute paths (what
    /// `enjeux-review` opens); nil in reports written before they were recorded.
    package var corpus: String?
    package var work: String?

    package init(
        startedAt: String, documents: Int, pages: Int, passages: Int, failures: [RunFailure] = [],
        warnings: [RunWarning] = [], ignoredFolders: [RunIgnoredFolder] = [], ignoredFiles: [RunIgnoredFile] = [],
        lexicon: LexiconInfo,
        stages: [StageTiming] = [], issues: [IssueCount] = [], ranking: EvidenceOptions? = nil
    ) {
        self.startedAt = startedAt
        self.documents = documents
        self.pages = pages
        self.passages = passages
        self.failures = failures
        self.warnings = warnings
        self.ignoredFolders = ignoredFolders
        self.ignoredFiles = ignoredFiles
        self.lexicon = lexicon
        self.stages = stages
        self.issues = issues
        self.ranking = ranking
    }
}

extension RunReport {
    /// Reads a report; one written before files not read, documents left out or judgments
    /// were listed reads with none, so that `enjeux-rank --summary` still reads an older Evidence folder.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        startedAt = try container.decode(String.self, forKey: .startedAt)
        documents = try container.decode(Int.self, forKey: .documents)
        pages = try container.decode(Int.self, forKey: .pages)
        passages = try container.decode(Int.self, forKey: .passages)
        failures = try container.decode([RunFailure].self, forKey: .failures)
        warnings = try container.decode([RunWarning].self, forKey: .warnings)
        ignoredFolders = try container.decodeIfPresent([RunIgnoredFolder].self, forKey: .ignoredFolders) ?? []
        ignoredFiles = try container.decodeIfPresent([RunIgnoredFile].self, forKey: .ignoredFiles) ?? []
        followedLinks = try container.decodeIfPresent([RunFollowedLink].self, forKey: .followedLinks) ?? []
        lexicon = try container.decode(LexiconInfo.self, forKey: .lexicon)
        stages = try container.decode([StageTiming].self, forKey: .stages)
        issues = try container.decode([IssueCount].self, forKey: .issues)
        ranking = try container.decodeIfPresent(EvidenceOptions.self, forKey: .ranking)
        leftOutDocuments = try container.decodeIfPresent([RunLeftOutDocument].self, forKey: .leftOutDocuments) ?? []
        judgments = try container.decodeIfPresent(RunJudgments.self, forKey: .judgments)
        corpus = try container.decodeIfPresent(String.self, forKey: .corpus)
        work = try container.decodeIfPresent(String.self, forKey: .work)
    }
}
