import EnjeuxTestSupport
import Foundation
import SQLiteKit
import Testing

/// `evidence.sqlite` of the sample corpus: the five example queries of
/// `docs/evidence-database.md`, read from the page itself, give what `evidence.jsonl` and
/// `scores.json` say.
@Suite(.serialized) struct EvidenceDatabaseTests {
    /// The sample corpus analysed once for the suites that read its exports.
    static let sample: Result<SampleRun, SampleRun.Failure> = SampleRun.make()

    /// The `sql` blocks of the page, by the name in their first line (`-- query: name`).
    static func documentedQueries() throws -> [String: String] {
        let page = try String(
            contentsOf: SharedData.repositoryRoot.appendingPathComponent("docs/evidence-database.md"), encoding: .utf8)
        var queries: [String: String] = [:]
        for block in page.components(separatedBy: "```sql\n").dropFirst() {
            let sql = block.components(separatedBy: "```").first ?? ""
            guard let first = sql.split(separator: "\n").first, first.hasPrefix("-- query: ") else { continue }
            queries[String(first.dropFirst("-- query: ".count))] = sql
        }
        return queries
    }

    @Test func documentedQueriesAgreeWithTheJSONFiles() throws {
        let run = try Self.sample.get()
        let queries = try Self.documentedQueries()
        #expect(queries.keys.sorted() == ["by-year", "issue-counts", "terms", "together", "top-passages"])
        let database = try SQLiteConnection(
            path: run.evidence.appendingPathComponent("evidence.sqlite").path, readOnly: true)
        let threshold = try #require(
            try database.rows("SELECT value FROM run WHERE key = 'score_threshold'").first?.first?.textValue.flatMap(
                Double.init))
        let scores = try run.scores()
        let rows = try readEvidence(run.evidence)
        // Above-threshold scores of scores.json: (document, passage, issue) → score and matches.
        var above: [(document: String, passage: String, issue: String, matches: [[String: Any]])] = []
        var years: [String: Int] = [:]
        for document in scores["documents"] as? [[String: Any]] ?? [] {
            let metadata = document["metadata"] as? [String: Any] ?? [:]
            if let date = metadata["date"] as? String, let year = Int(date.prefix(4)) {
                years[document["id"] as? String ?? ""] = year
            }
        }
        for passage in scores["passages"] as? [[String: Any]] ?? [] {
            for score in passage["scores"] as? [[String: Any]] ?? [] where (score["score"] as? Double ?? 0) > threshold
            {
                above.append(
                    (
                        passage["document_id"] as? String ?? "", passage["passage_id"] as? String ?? "",
                        score["category"] as? String ?? "", score["matches"] as? [[String: Any]] ?? []
                    ))
            }
        }
        #expect(above.count > 100)

        // 1. Passages per issue, and how many are shown.
        let counts = try database.rows(try #require(queries["issue-counts"]))
        #expect(counts.count == 10)
        for row in counts {
            let issue = try #require(row[0].textValue)
            #expect(row[2].integerValue == Int64(above.count { $0.issue == issue }), "\(issue)")
            #expect(row[3].integerValue == Int64(rows.count { $0["category"] as? String == issue }), "\(issue)")
        }

        // 2. The first ten passages of each issue are those of evidence.jsonl.
        let top = try database.prepare(try #require(queries["top-passages"]))
        for issue in Set(rows.compactMap { $0["category"] as? String }) {
            let listed = rows.filter { $0["category"] as? String == issue }.prefix(10)
            let found = try top.rows([.text(issue)])
            #expect(found.map { $0[5].textValue ?? "" } == listed.map { $0["passage_id"] as? String ?? "" }, "\(issue)")
            #expect(found.map { $0[0].integerValue ?? 0 } == listed.map { Int64($0["rank"] as? Int ?? 0) })
            #expect(found.map { $0[6].textValue ?? "" } == listed.map { $0["text"] as? String ?? "" })
            #expect(found.map { $0[4].textValue ?? "" } == listed.map { $0["citation"] as? String ?? "" })
        }

        // 3. Passages by year and issue.
        var expectedYears: [String: Int] = [:]
        for score in above {
            if let year = years[score.document] { expectedYears["\(year) \(score.issue)", default: 0] += 1 }
        }
        let byYear = try database.rows(try #require(queries["by-year"]))
        var foundYears: [String: Int] = [:]
        for row in byYear {
            foundYears["\(row[0].integerValue ?? 0) \(row[1].textValue ?? "")"] = Int(row[2].integerValue ?? 0)
        }
        #expect(foundYears == expectedYears)
        #expect(Set(byYear.compactMap { $0[0].integerValue }).count >= 5)

        // 4. The heaviest terms of each issue, with their weight.
        let terms = try database.prepare(try #require(queries["terms"]))
        for issue in Set(above.map(\.issue)) {
            var weights: [String: (count: Int, weight: Double)] = [:]
            for score in above where score.issue == issue {
                for match in score.matches {
                    let term = match["term"] as? String ?? ""
                    weights[term, default: (0, 0)].count += 1
                    weights[term, default: (0, 0)].weight += match["contribution"] as? Double ?? 0
                }
            }
            let found = try terms.rows([.text(issue)])
            #expect(found.count == min(15, weights.count))
            for row in found {
                let term = row[0].textValue ?? ""
                #expect(row[1].integerValue == Int64(weights[term]?.count ?? -1), "\(issue) \(term)")
                #expect(abs((row[2].realValue ?? 0) - (weights[term]?.weight ?? 0)) < 0.001, "\(issue) \(term)")
            }
            let heaviest = weights.max { $0.value.weight < $1.value.weight }?.value.weight ?? 0
            #expect(abs((found.first?[2].realValue ?? 0) - heaviest) < 0.001)
        }

        // 5. Issues raised in the same passages.
        var pairs: [String: Int] = [:]
        let byPassage = Dictionary(grouping: above) { "\($0.document) \($0.passage)" }
        for group in byPassage.values {
            let issues = group.map(\.issue).sorted()
            for (index, a) in issues.enumerated() {
                for b in issues[(index + 1)...] { pairs["\(a) \(b)", default: 0] += 1 }
            }
        }
        let together = try database.rows(try #require(queries["together"]))
        var foundPairs: [String: Int] = [:]
        for row in together {
            foundPairs["\(row[0].textValue ?? "") \(row[1].textValue ?? "")"] = Int(row[2].integerValue ?? 0)
        }
        #expect(foundPairs == pairs)
        #expect(!pairs.isEmpty)
        let counts2 = together.map { $0[2].integerValue ?? 0 }
        #expect(counts2 == counts2.sorted(by: >))
    }

    @Test func everyScoredDocumentIsThereWithItsMetadata() throws {
        let run = try Self.sample.get()
        let database = try SQLiteConnection(
            path: run.evidence.appendingPathComponent("evidence.sqlite").path, readOnly: true)
        let scores = try run.scores()
        let documents = scores["documents"] as? [[String: Any]] ?? []
        let rows = try database.rows("SELECT id, source, format, year, passages FROM documents ORDER BY id")
        #expect(rows.count == documents.count)
        for document in documents {
            let row = try #require(rows.first { $0[0].textValue == document["id"] as? String })
            #expect(row[1].textValue == document["source"] as? String)
            #expect(row[2].textValue == document["format"] as? String)
            #expect(row[4].integerValue == Int64(document["passage_count"] as? Int ?? -1))
        }
        // The indexes exist, and SQLite itself finds the file sound.
        let indexes = try database.rows(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
        #expect(indexes.count == 9)
        #expect(try database.rows("PRAGMA integrity_check").first?.first?.textValue == "ok")
        #expect(try database.rows("PRAGMA foreign_key_check").isEmpty)
        // No temporary file is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: run.evidence.path)
        #expect(!names.contains { $0.hasSuffix(".part") })
    }
}

/// The sample corpus run through the four stages into a scratch folder, kept for the process.
struct SampleRun: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let root: URL
    var work: URL { root.appendingPathComponent("work") }
    var evidence: URL { root.appendingPathComponent("Evidence") }

    static func make() -> Result<SampleRun, Failure> {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "enjeux-e2e-exports-\(UUID().uuidString)")
        let run = SampleRun(root: root)
        do {
            let outputs = try StageRunner.pipeline(
                corpus: SampleCorpusTests.corpus, lexicon: SampleCorpusTests.lexicon, work: run.work,
                evidence: run.evidence)
            for (stage, output) in outputs where output.status != 0 {
                return .failure(Failure(description: "\(stage) failed: \(output.stderr)"))
            }
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
        return .success(run)
    }

    func scores() throws -> [String: Any] {
        let data = try Data(contentsOf: work.appendingPathComponent("scores.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
