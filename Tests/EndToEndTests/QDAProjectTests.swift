import EnjeuxTestSupport
import Foundation
import Testing

/// `enjeux.qdpx` of the sample corpus, read back as a QDA tool would: valid against the
/// official REFI-QDA schema, every code reference resolved, every coding's span of its
/// source's plain text equal to the passage listed in `evidence.jsonl`, read by `pyrefiqda`,
/// and the same bytes from a second run but for the run date.
@Suite(.serialized) struct QDAProjectTests {
    static let schema = SharedData.url("qda/Project-mrt2019.xsd").flatMap {
        FileManager.default.fileExists(atPath: $0.path) ? $0 : nil
    }
    static let xmllint: URL? = ["/usr/bin/xmllint", "/bin/xmllint"].map(URL.init(fileURLWithPath:)).first {
        FileManager.default.isExecutableFile(atPath: $0.path)
    }

    var evidence: URL {
        get throws { try EvidenceDatabaseTests.sample.get().evidence }
    }

    @Test(
        .enabled(
            if: schema != nil,
            "skipped: ../shared/qda/Project-mrt2019.xsd is absent (../shared not beside the repository)"),
        .enabled(if: xmllint != nil, "skipped: xmllint is not installed (apt-get install libxml2-utils)"))
    func projectIsValidAgainstTheOfficialSchema() throws {
        let scratch = try Scratch()
        let project = try Self.unzip(evidence.appendingPathComponent("enjeux.qdpx"), into: scratch.path("qdpx"))
            .appendingPathComponent("project.qde")
        let result = try ScriptRunner.run(
            try #require(Self.xmllint).path, ["--noout", "--schema", try #require(Self.schema).path, project.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("validates"))
        // The check can fail: a project with its elements out of order does not validate.
        let text = try String(contentsOf: project, encoding: .utf8)
        let users = try #require(text.range(of: "  <Users>")).lowerBound
        let codebook = try #require(text.range(of: "  <CodeBook>")).lowerBound
        let swapped =
            String(text[..<users])
            + String(text[codebook...]).replacingOccurrences(
                of: "</CodeBook>\n", with: "</CodeBook>\n" + String(text[users..<codebook]))
        try scratch.write("swapped.qde", swapped)
        let refused = try ScriptRunner.run(
            try #require(Self.xmllint).path,
            ["--noout", "--schema", try #require(Self.schema).path, scratch.path("swapped.qde").path])
        #expect(refused.status != 0)
    }

    @Test func codingsPointAtTheListedPassagesInTheSourceTexts() throws {
        let evidence = try evidence
        let result = try ScriptRunner.run(
            "python3",
            [
                "-c", Self.checker, evidence.appendingPathComponent("enjeux.qdpx").path,
                evidence.appendingPathComponent("evidence.jsonl").path, SampleCorpusTests.corpus.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        #expect(report["errors"] as? [String] == [])
        let rows = try readEvidence(evidence)
        #expect(report["codings"] as? Int == rows.count)
        #expect(report["codes"] as? Int == 11)  // the lexicon's folder and its ten issues
        #expect(report["sources"] as? Int == 16)
        #expect((report["pdf"] as? Int ?? 0) >= 6)
        // The codebook alone has the same codes.
        let codebook = try String(contentsOf: evidence.appendingPathComponent("enjeux.qdc"), encoding: .utf8)
        #expect(codebook.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""))
        #expect(codebook.components(separatedBy: "<Code guid=").count - 1 == 11)
    }

    @Test(.enabled(if: TestVirtualEnvironment.python != nil, .init(rawValue: TestVirtualEnvironment.skipMessage)))
    func pyrefiqdaReadsAsManyCodingsAsEvidenceRows() throws {
        let evidence = try evidence
        let scratch = try Scratch()
        let script = """
            import sys
            from pyrefiqda import RefiProject, RefiCodebook
            project = RefiProject.load(sys.argv[1], extract_dir=sys.argv[2])
            selections = []
            for source in project.sources.text_source:
                selections += source.plain_text_selection
            for source in project.sources.pdfsource:
                selections += source.representation.plain_text_selection
            codebook = RefiCodebook.load(sys.argv[3])
            print(sum(len(s.coding) for s in selections), len(project.sources.text_source) + len(project.sources.pdfsource), len(codebook.codes.code[0].code))
            """
        let result = TestVirtualEnvironment.run(
            try #require(TestVirtualEnvironment.python),
            [
                "-c", script, evidence.appendingPathComponent("enjeux.qdpx").path, scratch.path("py").path,
                evidence.appendingPathComponent("enjeux.qdc").path,
            ])
        #expect(result.status == 0, "\(result.output)")
        let rows = try readEvidence(evidence)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(rows.count) 16 10")
    }

    @Test func twoRunsGiveTheSameProjectButForTheRunDate() throws {
        let run = try EvidenceDatabaseTests.sample.get()
        let second = run.root.appendingPathComponent("Evidence-2")
        // A second ranking of the same scores into another folder (its own run, its own date).
        Thread.sleep(forTimeInterval: 1.1)
        let output = try StageRunner.run(
            "rank",
            [
                run.work.appendingPathComponent("scores.json").path, "--extracted",
                run.work.appendingPathComponent("extracted").path, "--out", second.path,
            ])
        #expect(output.status == 0, "\(output.stderr)")
        let compare = """
            import re, sys, zipfile, json
            def entries(path):
                with zipfile.ZipFile(path) as z:
                    return [(i.filename, i.date_time, i.external_attr, z.read(i.filename)) for i in z.infolist()]
            def dates(path):
                return json.load(open(path))["started_at"]
            a, b = entries(sys.argv[1]), entries(sys.argv[2])
            da, db = dates(sys.argv[3]), dates(sys.argv[4])
            assert da != db, "the two runs have the same date"
            assert [e[0] for e in a] == [e[0] for e in b], "entry names differ"
            differ = [x[0] for x, y in zip(a, b) if x != y]
            assert differ == ["project.qde"], differ
            qa = dict((e[0], e[3]) for e in a)["project.qde"].decode()
            qb = dict((e[0], e[3]) for e in b)["project.qde"].decode()
            assert qa != qb
            assert qa.replace(da, "DATE") == qb.replace(db, "DATE"), "project.qde differs beyond the run date"
            print("same")
            """
        let result = try ScriptRunner.run(
            "python3",
            [
                "-c", compare, run.evidence.appendingPathComponent("enjeux.qdpx").path,
                second.appendingPathComponent("enjeux.qdpx").path, run.evidence.appendingPathComponent("run.json").path,
                second.appendingPathComponent("run.json").path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "same\n")
        let codebookA = try Data(contentsOf: run.evidence.appendingPathComponent("enjeux.qdc"))
        let codebookB = try Data(contentsOf: second.appendingPathComponent("enjeux.qdc"))
        #expect(codebookA == codebookB)
    }

    static func unzip(_ archive: URL, into folder: URL) throws -> URL {
        let script = "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])"
        let result = try ScriptRunner.run("python3", ["-c", script, archive.path, folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        return folder
    }

    /// Reads the project with Python's standard library only and prints a JSON report: codes,
    /// sources, codings, and every problem found (a reference to no code, a span that is not
    /// the listed passage's text, a listed passage with no coding, a PDF that is not the corpus file).
    static let checker = #"""
        import json, sys, zipfile, os
        import xml.etree.ElementTree as ET
        NS = "{urn:QDA-XML:project:1.0}"
        qdpx, jsonl, corpus = sys.argv[1:4]
        errors = []
        z = zipfile.ZipFile(qdpx)
        names = set(z.namelist())
        root = ET.fromstring(z.read("project.qde"))
        codes = {c.get("guid"): c.get("name") for c in root.iter(NS + "Code")}
        users = {u.get("guid"): u.get("name") for u in root.iter(NS + "User")}
        for ref in root.iter(NS + "CodeRef"):
            if ref.get("targetGUID") not in codes:
                errors.append("CodeRef to no code: " + ref.get("targetGUID"))
        found = []
        sources = 0
        pdf = 0
        for source in list(root.find(NS + "Sources")):
            sources += 1
            name = source.get("name")
            holder = source
            if source.tag == NS + "PDFSource":
                pdf += 1
                inner = source.get("path").replace("internal://", "sources/")
                if inner not in names:
                    errors.append("missing " + inner)
                elif z.read(inner) != open(os.path.join(corpus, name), "rb").read():
                    errors.append("PDF differs from the corpus file: " + name)
                holder = source.find(NS + "Representation")
            path = holder.get("plainTextPath").replace("internal://", "sources/")
            raw = z.read(path)
            if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
                errors.append("BOM or CR in " + path)
            text = raw.decode("utf-8")
            for selection in holder.findall(NS + "PlainTextSelection"):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                for coding in selection.findall(NS + "Coding"):
                    if coding.get("creatingUser") not in users:
                        errors.append("coding by no user")
                    code = codes.get(coding.find(NS + "CodeRef").get("targetGUID"))
                    found.append((name, code, text[start:end]))
        rows = [json.loads(line) for line in open(jsonl, encoding="utf-8")]
        expected = sorted((r["source"], r["label"], r["text"]) for r in rows)
        if sorted(found) != expected:
            missing = [e for e in expected if e not in found][:3]
            extra = [f for f in found if f not in expected][:3]
            errors.append("codings differ from evidence.jsonl: missing %r, extra %r" % (missing, extra))
        print(json.dumps({"codes": len(codes), "sources": sources, "pdf": pdf, "codings": len(found), "errors": errors}))
        """#
}
