import EnjeuxTestSupport
import Foundation
import SQLiteKit
import Testing

/// A judgments file with two judges, through `enjeux-rank --judgments`: the judgments table of
/// `evidence.sqlite` and the codings of `enjeux.qdpx` carry each judgment under its judge (a
/// REFI-QDA user per judge); a second run over the same documents reuses the project's
/// sources and gives the same project but for the run date.
@Suite struct JudgmentExportTests {
    /// Reads `project.qde` of a `.qdpx`: the users, and each coding with its user's name,
    /// its code's name and the text of its selection in the source's plain text.
    static let reader = """
        import json, sys, zipfile
        import xml.etree.ElementTree as ET
        ns = {"q": "urn:QDA-XML:project:1.0"}
        archive = zipfile.ZipFile(sys.argv[1])
        root = ET.fromstring(archive.read("project.qde"))
        users = {u.get("guid"): u.get("name") for u in root.iterfind("q:Users/q:User", ns)}
        codes = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
        codings = []
        for source in root.iterfind("q:Sources/*", ns):
            text_path = source.get("plainTextPath") or ""
            if not text_path:
                rep = source.find("q:Representation", ns)
                text_path = rep.get("plainTextPath") if rep is not None else ""
            text = archive.read("sources/" + text_path.replace("internal://", "")).decode("utf-8") if text_path else ""
            for selection in source.iter("{urn:QDA-XML:project:1.0}PlainTextSelection"):
                span = text[int(selection.get("startPosition")):int(selection.get("endPosition"))]
                for coding in selection.iterfind("q:Coding", ns):
                    code = coding.find("q:CodeRef", ns).get("targetGUID")
                    codings.append({"user": users.get(coding.get("creatingUser")), "code": codes.get(code),
                                    "text": span, "source": source.get("name")})
        print(json.dumps({"users": sorted(users.values()), "codings": codings,
                          "entries": sorted(n for n in archive.namelist() if n != "project.qde")}))
        """

    @Test func twoJudgesReachTheDatabaseAndTheProject() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/pratique.txt", LearningFromJudgmentsTests.practice)
        try scratch.write("corpus/sport.txt", LearningFromJudgmentsTests.sport)
        try scratch.write("lexique.yaml", LearningFromJudgmentsTests.oldLexicon)
        let work = scratch.path("work")
        _ = try StageRunner.pipeline(
            corpus: scratch.path("corpus"), lexicon: scratch.path("lexique.yaml"), work: work,
            evidence: scratch.path("Evidence"))
        let rows = try readEvidence(scratch.path("Evidence"))
        func row(_ category: String, containing text: String) throws -> [String: Any] {
            try #require(
                rows.first {
                    ($0["category"] as? String) == category && (($0["text"] as? String) ?? "").contains(text)
                })
        }
        let first = try row("autonomie", containing: "perdre leur latitude")
        let second = try row("charge", containing: "pousse plusieurs intervenantes")
        func line(_ row: [String: Any], grade: Int, judge: String, time: String) throws -> String {
            let object: [String: Any] = [
                "source": try #require(row["source"] as? String), "category": try #require(row["category"] as? String),
                "grade": grade, "quote": try #require(row["text"] as? String), "page": NSNull(),
                "passage_id": try #require(row["passage_id"] as? String), "judge": judge, "time": time,
            ]
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        let judgments = scratch.path("judgments.jsonl")
        try scratch.write(
            "judgments.jsonl",
            try line(first, grade: 2, judge: "marie", time: "2026-12-07T10:15:00Z") + "\n"
                + line(second, grade: 0, judge: "paul", time: "2026-12-07T10:20:00Z") + "\n")

        func rank(into name: String) throws -> String {
            let output = try StageRunner.run(
                "rank",
                [
                    work.appendingPathComponent("scores.json").path, "--extracted",
                    work.appendingPathComponent("extracted").path, "--out", scratch.path(name).path, "--judgments",
                    judgments.path,
                ])
            #expect(output.status == 0, "\(output.stderr)")
            return output.stderr
        }
        _ = try rank(into: "Judged")

        // evidence.sqlite: one row per judgment, attached to its passage, under its judge.
        let database = try SQLiteConnection(
            path: scratch.path("Judged/evidence.sqlite").path, readOnly: true)
        let stored = try database.rows(
            """
            SELECT j.judge, j.issue_id, j.grade, p.id, j.time FROM judgments AS j
            JOIN passages AS p ON p.key = j.passage ORDER BY j.judge
            """)
        #expect(stored.count == 2)
        #expect(stored.map { $0[0].textValue ?? "" } == ["marie", "paul"])
        #expect(stored.map { $0[1].textValue ?? "" } == ["autonomie", "charge"])
        #expect(stored.map { $0[2].integerValue ?? -1 } == [2, 0])
        #expect(stored.map { $0[3].textValue } == [first["passage_id"] as? String, second["passage_id"] as? String])

        // enjeux.qdpx: a user per judge, and each judgment a coding by its judge on its passage.
        func project(_ name: String) throws -> [String: Any] {
            let result = try ScriptRunner.run(
                "python3", ["-c", Self.reader, scratch.path("\(name)/enjeux.qdpx").path])
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        }
        let judged = try project("Judged")
        let users = judged["users"] as? [String] ?? []
        #expect(users.contains("marie") && users.contains("paul") && users.count == 3)
        let codings = judged["codings"] as? [[String: String]] ?? []
        let byJudges = codings.filter { ["marie", "paul"].contains($0["user"] ?? "") }
        #expect(byJudges.count == 2)
        let marie = try #require(byJudges.first { $0["user"] == "marie" })
        let paul = try #require(byJudges.first { $0["user"] == "paul" })
        #expect(marie["text"] == first["text"] as? String)
        #expect(paul["text"] == second["text"] as? String)
        #expect(marie["code"] != paul["code"] && marie["code"] != nil && paul["code"] != nil)
        // The passages listed by this run (the judgments reorder the lists) are coded by Enjeux itself.
        #expect(codings.count - byJudges.count == (try readEvidence(scratch.path("Judged"))).count)

        // Again over the same documents: the sources come from the work folder's copy, and the
        // project is the same.
        let again = try rank(into: "Again")
        #expect(again.contains("sources reused"), "\(again)")
        let reused = try project("Again")
        #expect(reused["entries"] as? [String] == judged["entries"] as? [String])
        #expect(
            (reused["codings"] as? [[String: String]] ?? []).map { $0.sorted { $0.key < $1.key }.description }
                == codings.map { $0.sorted { $0.key < $1.key }.description })
    }
}
