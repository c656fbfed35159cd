import EnjeuxTestSupport
import Foundation
import Testing

/// The REFI-QDA project's sources are kept one zip per document in the work folder: a rerun
/// after one document changed makes that document's zip only, and its project has the bytes
/// of a project made from nothing (the run date aside).
@Suite struct QDASourceCacheTests {
    static let note = """
        Les intervenantes décrivent une charge de travail qui augmente chaque année. Les indicateurs \
        de performance comptent les interventions, mais pas le temps passé avec les familles.
        """
    static let avis = """
        L'autonomie professionnelle recule quand la méthode Lean impose des trajectoires standardisées \
        aux travailleuses sociales. Le jugement clinique perd sa place.
        """

    @Test func oneChangedDocumentRemakesItsSourcesOnlyAndGivesTheColdBytes() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/note.txt", Self.note)
        try scratch.write("corpus/avis.txt", Self.avis)
        let pdf = SharedData.repositoryRoot.appendingPathComponent("Corpus/Rapport d'évaluation Lean 2016.pdf")
        try FileManager.default.copyItem(at: pdf, to: scratch.path("corpus/rapport.pdf"))
        let lexicon = SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml")
        let work = scratch.path("work")
        func run(into evidence: String) throws -> String {
            let outputs = try StageRunner.pipeline(
                corpus: scratch.path("corpus"), lexicon: lexicon, work: work, evidence: scratch.path(evidence))
            let rank = try #require(outputs["rank"])
            #expect(rank.status == 0, "\(rank.stderr)")
            return rank.stderr
        }
        let first = try run(into: "Evidence")
        #expect(first.contains("sources of 3 documents made"), "\(first)")

        try scratch.write("corpus/note.txt", Self.note + "\nLa surcharge mène à l'épuisement des équipes.")
        let second = try run(into: "Evidence")
        #expect(second.contains("sources of 1 document made"), "\(second)")
        let zips = try FileManager.default.contentsOfDirectory(
            atPath: work.appendingPathComponent("qda-sources/documents").path)
        #expect(zips.filter { $0.hasSuffix(".zip") }.count == 3, "the changed document's old zip is removed: \(zips)")

        // The same scores ranked with no cache at all.
        try FileManager.default.removeItem(at: work.appendingPathComponent("qda-sources"))
        let cold = try StageRunner.run(
            "rank",
            [
                work.appendingPathComponent("scores.json").path, "--extracted",
                work.appendingPathComponent("extracted").path, "--out", scratch.path("Cold").path,
            ])
        #expect(cold.status == 0, "\(cold.stderr)")
        #expect(cold.stderr.contains("sources of 3 documents made"), "\(cold.stderr)")
        let compare = """
            import sys, zipfile, json
            def entries(path):
                with zipfile.ZipFile(path) as z:
                    assert z.testzip() is None
                    return [(i.filename, i.CRC, z.read(i.filename)) for i in z.infolist()]
            a, b = entries(sys.argv[1]), entries(sys.argv[2])
            assert [e[0] for e in a] == [e[0] for e in b], "entry names differ"
            assert [e for e in a if e[0] != "project.qde"] == [e for e in b if e[0] != "project.qde"]
            da = json.load(open(sys.argv[3]))["started_at"]
            db = json.load(open(sys.argv[4]))["started_at"]
            qa, qb = dict((e[0], e[2]) for e in a)["project.qde"].decode(), dict((e[0], e[2]) for e in b)["project.qde"].decode()
            assert qa.replace(da, "DATE") == qb.replace(db, "DATE"), "project.qde differs beyond the run date"
            assert any(n.endswith(".pdf") for n, _, _ in a), "the PDF's original is in the project"
            assert "surcharge" in b"".join(d for n, _, d in a if n.endswith(".txt")).decode()
            a_bytes, b_bytes = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
            print("same" if len(a_bytes) == len(b_bytes) else "sizes differ")
            """
        let result = try ScriptRunner.run(
            "python3",
            [
                "-c", compare, scratch.path("Evidence/enjeux.qdpx").path, scratch.path("Cold/enjeux.qdpx").path,
                scratch.path("Evidence/run.json").path, scratch.path("Cold/run.json").path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "same\n")
    }
}
