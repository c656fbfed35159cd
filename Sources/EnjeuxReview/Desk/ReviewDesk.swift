import EnjeuxEvidence
import EnjeuxJudgments
import EnjeuxLearning
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// A refusal the pages can explain: the HTTP status and the French message.
package struct DeskRefusal: Error, Sendable {
    package var status: Int
    package var message: String

    static func notFound(_ message: String) -> DeskRefusal { DeskRefusal(status: 404, message: message) }
    static func invalid(_ message: String) -> DeskRefusal { DeskRefusal(status: 400, message: message) }
}

/// Per-issue progress: judged passages, relevant found, candidates left to judge.
struct IssueProgress: Encodable, Sendable {
    var id: String
    var label: String
    var description: String
    var candidates: Int
    var judged: Int
    var relevant: Int
    var unjudgedCandidates: Int
    /// Relevant judgments of passages the lexicon did not make candidates: leads for the lexicon.
    var leads: Int
    var trained: Bool
}

/// An issue's list as the page shows it.
struct IssueListing: Encodable, Sendable {
    var progress: IssueProgress
    var passages: [PassageView]
    /// Judged not relevant: left out of the list, shown apart (undo brings them back).
    var excluded: [PassageView]
    /// Judged relevant, but no term of the issue matched them.
    var leads: [PassageView]
    var milliseconds: Double
}

/// The workbench's state: the judgments book, each issue's learned order (recomputed after a
/// judgment), the passages met in searches and contexts (so that they can be judged), and the
/// basket. One actor: judgments are appended one at a time in the order they arrive.
package actor ReviewDesk {
    package let corpus: ReviewCorpus
    let token: String
    let judge: String
    private var book: JudgmentBook
    private let matcher: JudgmentMatcher
    /// Issue id → what was learned from its judgments in force (dropped when they change).
    private var learned: [String: LearnedIssue] = [:]
    private var models: [String: LogisticModel] = [:]
    /// Issue id → its ranked list for the judgments in force (dropped with `learned`).
    private var ranked: [String: RankedIssue] = [:]
    /// Where each judgment read lands (`JudgmentMatcher.attach`), by its source, passage id
    /// and quote: a judgment is matched once, not at every listing.
    private var attached: [String: String?] = [:]
    /// Passages outside the score set met in a search or a context, by id.
    private var met: [String: ScoredPassage] = [:]
    var basket: BriefBasket
    /// Every tokenized passage in memory for searches, built once in the background from
    /// start (a search waits for it).
    let searchIndex: Task<PassageIndex, any Error>

    package init(corpus: ReviewCorpus, token: String, judge: String) throws(ReviewError) {
        self.corpus = corpus
        self.token = token
        self.judge = judge
        book = JudgmentBook(file: corpus.locations.judgments)
        do {
            try book.refresh()
        } catch {
            throw ReviewError(path: error.path, reason: error.reason)
        }
        matcher = JudgmentMatcher(
            passages: corpus.scoreSet.passages.map {
                JudgeablePassage(passageId: $0.passageId, source: corpus.source(of: $0.documentId), text: $0.text)
            })
        basket = BriefBasket.load(corpus.locations.basket)
        let passages = corpus.locations.work.appendingPathComponent("passages")
        searchIndex = Task.detached(priority: .medium) {
            try PassageIndex.build(passages: passages, jobs: ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    /// What reading the judgments file at start met: lines skipped and a torn last line.
    package func startNotices() -> [String] {
        var notices = book.skipped.map(\.description)
        let torn = book.tornTail()
        if torn > 0 {
            notices.append(
                "\(book.file.path): incomplete last line (\(torn) bytes, a write was interrupted), skipped")
        }
        return notices
    }

    // MARK: Lists

    func progress(_ issue: CategoryInfo) -> IssueProgress {
        let judgments = book.inForce(issue: issue.id)
        let pool = corpus.pools[issue.id] ?? []
        let grades = grades(issue.id)
        let poolIds = Set(pool.map(\.passageId))
        let judgedCandidates = pool.filter { grades[$0.passageId] != nil }.count
        let leads = judgments.filter { $0.grade > 0 }.filter { judgment in
            attachedId(judgment).map { !poolIds.contains($0) } ?? true
        }.count
        return IssueProgress(
            id: issue.id, label: issue.label, description: issue.description, candidates: pool.count,
            judged: judgments.count, relevant: judgments.filter { $0.grade > 0 }.count,
            unjudgedCandidates: pool.count - judgedCandidates, leads: leads, trained: learned[issue.id]?.model != nil)
    }

    func issues() throws -> [IssueProgress] {
        try refresh()
        return corpus.categories.map { progress($0) }
    }

    /// The passage of the score set `judgment` lands on (nil: none).
    private func attachedId(_ judgment: Judgment) -> String? {
        let key = judgment.source + "\u{1}" + judgment.passageId + "\u{1}" + judgment.quote
        if let known = attached[key] { return known }
        let id = matcher.attach(judgment).passageId
        if attached.count > 100_000 { attached.removeAll() }
        attached[key] = id
        return id
    }

    /// Passage id → grade of the judgment in force, for the passages of the score set.
    private func grades(_ issue: String) -> [String: Int] {
        var grades: [String: Int] = [:]
        for judgment in book.inForce(issue: issue) {
            if let id = attachedId(judgment) { grades[id] = judgment.grade }
        }
        return grades
    }

    private func learnedIssue(_ issue: String) -> LearnedIssue {
        if let known = learned[issue] { return known }
        let pool = corpus.pools[issue] ?? []
        let result = IssueLearner.learn(
            pool: pool, grades: grades(issue), features: corpus.features[issue], start: models[issue])
        learned[issue] = result
        if let model = result.model { models[issue] = model }
        return result
    }

    func listing(_ issueId: String) throws -> IssueListing {
        let clock = ContinuousClock.now
        guard let issue = corpus.category(issueId) else { throw DeskRefusal.notFound("Enjeu inconnu : \(issueId)") }
        try refresh()
        let pool = corpus.pools[issueId] ?? []
        let grades = grades(issueId)
        let learnedIssue = learnedIssue(issueId)
        let ranked: RankedIssue
        if let known = self.ranked[issueId] {
            ranked = known
        } else {
            var ranker = Ranker(options: corpus.options)
            if !grades.isEmpty { ranker.adjustments[issueId] = learnedIssue.adjustment }
            ranked = ranker.rank(
                category: issue, passages: pool.map(\.passage), documents: corpus.documents,
                evidence: corpus.evidence)
            self.ranked[issueId] = ranked
        }
        let passages = ranked.passages.map { entry in
            view(entry.passage, matches: entry.matches, issue: issueId, rank: entry.rank, score: entry.score)
        }
        let excluded = pool.filter { grades[$0.passageId] == 0 }.map {
            view($0.passage, matches: $0.matches, issue: issueId, rank: nil, score: $0.score)
        }
        let elapsed = ContinuousClock.now - clock
        return IssueListing(
            progress: progress(issue), passages: passages, excluded: excluded, leads: leads(issueId),
            milliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }

    /// Relevant judgments of the issue whose passage is not one of its candidates.
    private func leads(_ issueId: String) -> [PassageView] {
        let poolIds = Set((corpus.pools[issueId] ?? []).map(\.passageId))
        return book.inForce(issue: issueId).filter { $0.grade > 0 }.compactMap { judgment in
            let id = attachedId(judgment) ?? judgment.passageId
            guard !poolIds.contains(id), let passage = corpus.passages[id] ?? met[id] else { return nil }
            var view = view(passage, matches: [], issue: issueId, rank: nil, score: nil)
            view.listed = false
            return view
        }
    }

    /// « À juger ensuite »: the unjudged candidates the learned order puts first, then a few
    /// the model is least sure of.
    func next(_ issueId: String, count: Int) throws -> IssueListing {
        let clock = ContinuousClock.now
        guard let issue = corpus.category(issueId) else { throw DeskRefusal.notFound("Enjeu inconnu : \(issueId)") }
        try refresh()
        let pool = corpus.pools[issueId] ?? []
        let grades = grades(issueId)
        let learnedIssue = learnedIssue(issueId)
        let proposals = IssueLearner.proposals(
            learnedIssue, pool: pool, grades: grades, count: count, uncertain: min(3, count))
        let passages = proposals.enumerated().map { offset, proposal in
            let item = pool[proposal.position]
            var shown = view(
                item.passage, matches: item.matches, issue: issueId, rank: offset + 1, score: item.score)
            shown.probability = learnedIssue.probabilities[proposal.position]
            shown.uncertain = proposal.uncertain
            return shown
        }
        let elapsed = ContinuousClock.now - clock
        return IssueListing(
            progress: progress(issue), passages: passages, excluded: [], leads: [],
            milliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }

    func view(_ passage: ScoredPassage, matches: [TermMatch], issue: String, rank: Int?, score: Double?)
        -> PassageView
    {
        var shown = PassageView.make(
            passage, matches: matches, rank: rank, score: score, corpus: corpus, token: token)
        if let judgment = book.inForce(
            issue: issue, key: JudgmentBook.key(source: shown.source, text: passage.text))
        {
            shown.grade = judgment.grade
            shown.note = judgment.note
        }
        if let row = learned[issue]?.adjustment.rows[passage.passageId] {
            shown.probability = row.probability
            shown.reasons = row.reasons
        }
        shown.inBasket = basket.items.contains { $0.passageId == passage.passageId }
        return shown
    }

    // MARK: Judging

    /// A passage of the run or one met in a search or context.
    func passage(_ id: String) -> ScoredPassage? { corpus.passages[id] ?? met[id] }

    /// Remembers passages met outside the score set so that they can be judged and collected.
    func meet(_ passages: [ScoredPassage]) {
        for passage in passages where corpus.passages[passage.passageId] == nil {
            if met.count > 100_000 { met.removeAll() }
            met[passage.passageId] = passage
        }
    }

    /// Appends a judgment to the judgments file (on disk before this returns) and drops the
    /// issue's learned order, which the next listing recomputes.
    func judge(passageId: String, issue: String, grade: Int, note: String?) throws -> Judgment {
        guard corpus.category(issue) != nil else { throw DeskRefusal.notFound("Enjeu inconnu : \(issue)") }
        guard Judgment.grades.contains(grade) else { throw DeskRefusal.invalid("La note doit être 0, 1 ou 2.") }
        guard let passage = passage(passageId) else { throw DeskRefusal.notFound("Passage inconnu : \(passageId)") }
        let document = corpus.documents[passage.documentId]
        let judgment = Judgment(
            source: corpus.source(of: passage.documentId), category: issue, grade: grade, quote: passage.text,
            page: document?.format == .pdf ? passage.page : nil, passageId: passageId, judge: judge,
            time: ISODate.utc(Date()), note: note.flatMap { $0.isEmpty ? nil : $0 })
        try append(judgment)
        return judgment
    }

    /// Undoes the judgment in force for a passage: the one before it is appended again, or,
    /// when there was none, a withdrawal. Returns the judgment now in force (nil: unjudged).
    func undo(passageId: String, issue: String) throws -> Judgment? {
        guard corpus.category(issue) != nil else { throw DeskRefusal.notFound("Enjeu inconnu : \(issue)") }
        guard let passage = passage(passageId) else { throw DeskRefusal.notFound("Passage inconnu : \(passageId)") }
        try refresh()
        let key = JudgmentBook.key(source: corpus.source(of: passage.documentId), text: passage.text)
        guard let current = book.inForce(issue: issue, key: key) else {
            throw DeskRefusal(status: 409, message: "Ce passage n’est pas jugé pour cet enjeu.")
        }
        let history = book.history[issue]?[key] ?? []
        // The judgment before the one in force (withdrawals and repeats of it skipped).
        let earlier = history.dropLast().last { $0.grade != current.grade || $0.note != current.note }
        var line =
            earlier.map { previous in
                var again = previous
                again.withdrawn = false
                return again
            } ?? current
        if earlier == nil { line.withdrawn = true }
        line.time = ISODate.utc(Date())
        line.judge = judge
        try append(line)
        return line.withdrawn ? nil : line
    }

    private func append(_ judgment: Judgment) throws {
        do {
            try JudgmentFile.append([judgment], to: corpus.locations.judgments)
        } catch {
            throw DeskRefusal(status: 500, message: "Jugement non enregistré : \(error.description)")
        }
        try refresh()
    }

    /// Reads the lines appended since the last look (by this server or another process) and
    /// drops the learned order of the issues they concern.
    func refresh() throws {
        let before = book.lineCount
        let known = book.history.mapValues { $0.values.reduce(0) { $0 + $1.count } }
        do {
            try book.refresh()
        } catch {
            throw DeskRefusal(status: 500, message: "Fichier des jugements illisible : \(error.description)")
        }
        guard book.lineCount != before else { return }
        let now = book.history.mapValues { $0.values.reduce(0) { $0 + $1.count } }
        // Issues whose judgments changed (a file replaced by hand may have dropped some).
        for issue in Set(known.keys).union(now.keys) where now[issue] != known[issue] {
            learned[issue] = nil
            ranked[issue] = nil
        }
    }

    /// Lines of the judgments file read so far.
    package func judgmentLines() -> Int { book.lineCount }
}
