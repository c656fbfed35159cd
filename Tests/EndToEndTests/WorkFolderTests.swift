import EnjeuxTestSupport
import Foundation
import Testing

/// One work folder per corpus: two corpora both named `Corpus`, in different places, get
/// different work folders through the Makefile's variable and `scripts/work-folder.sh`, keep
/// separate caches run after run, and `enjeux-lexicon` says which corpus it describes.
@Suite(.serialized) struct WorkFolderTests {
    static let page = """
        <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>%@</title></head><body><article>
        <h1>%@</h1><p>Dans les services sociaux, la méthode Lean réduit l’autonomie professionnelle des intervenantes.</p>
        </article></body></html>
        """

    /// Two folders `a/Corpus` and `b/Corpus`, each with its own page.
    static func corpora(in scratch: Scratch) throws -> (URL, URL) {
        for (folder, title) in [("a", "Premier corpus"), ("b", "Second corpus")] {
            let html = page.replacingOccurrences(of: "%@", with: title)
            try scratch.write("\(folder)/Corpus/\(folder).html", html)
        }
        return (scratch.path("a/Corpus"), scratch.path("b/Corpus"))
    }

    @Test func theMakefileAndTheScriptNameOneFolderPerCorpus() throws {
        let scratch = try Scratch()
        let (first, second) = try Self.corpora(in: scratch)
        let script = ScriptRunner.root.appendingPathComponent("scripts/work-folder.sh").path
        let names = try [first, second].map { corpus in
            try ScriptRunner.run("bash", [script, corpus.path]).stdout.trimmingCharacters(in: .newlines)
        }
        #expect(names[0] != names[1])
        for name in names {
            #expect(name.hasPrefix(".enjeux/Corpus-") && name.count == ".enjeux/Corpus-".count + 8, "\(name)")
        }
        // The same folder by another path (relative, through a link) has the same work folder.
        try FileManager.default.createSymbolicLink(at: scratch.path("lien"), withDestinationURL: scratch.path("a"))
        let linked = try ScriptRunner.run("bash", [script, scratch.path("lien/Corpus/../Corpus").path])
        #expect(linked.stdout.trimmingCharacters(in: .newlines) == names[0])
        // The Makefile's WORK is the script's.
        if ScriptRunner.has("make") {
            for (corpus, name) in zip([first, second], names) {
                let make = try ScriptRunner.run("make", ["-s", "work-folder", "CORPUS=\(corpus.path)"])
                #expect(make.status == 0, "\(make.stderr)")
                #expect(make.stdout.trimmingCharacters(in: .newlines) == name)
            }
        }
    }

    @Test func twoCorporaNamedCorpusKeepSeparateCaches() throws {
        let scratch = try Scratch()
        let (first, second) = try Self.corpora(in: scratch)
        let script = ScriptRunner.root.appendingPathComponent("scripts/work-folder.sh").path
        let root = scratch.path("cache").path
        let works = try [first, second].map { corpus in
            URL(
                fileURLWithPath: try ScriptRunner.run("bash", [script, corpus.path, root]).stdout.trimmingCharacters(
                    in: .newlines))
        }
        #expect(works[0] != works[1])
        let lexicon = SampleCorpusTests.lexicon
        for (index, corpus) in [first, second].enumerated() {
            let run = try ScriptRunner.analyze(
                corpus: corpus, lexicon: lexicon, work: works[index], evidence: scratch.path("Evidence-\(index)"))
            #expect(run.status == 0, "\(run.stderr)")
        }
        // Each work folder holds its own corpus, and says which.
        for (index, corpus) in [first, second].enumerated() {
            let record = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: works[index].appendingPathComponent("corpus.json")))
                    as? [String: Any])
            #expect(record["corpus"] as? String == corpus.resolvingSymlinksInPath().path)
            let manifest = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: works[index].appendingPathComponent("extracted/manifest.json")))
                    as? [String: Any])
            let sources = (manifest["entries"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
            #expect(sources == [index == 0 ? "a.html" : "b.html"])
        }
        // A rerun of the first corpus after the second finds its cache untouched: no extraction work.
        let again = try ScriptRunner.analyze(
            corpus: first, lexicon: lexicon, work: works[0], evidence: scratch.path("Evidence-0"))
        #expect(again.status == 0)
        #expect(again.stderr.contains("nothing changed, no extraction work"), "\(again.stderr)")
        // enjeux-lexicon says which corpus and run the figures are about.
        let stats = try StageRunner.run("lexicon", ["stats", "--work", works[1].path, "--lexicon", lexicon.path])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stderr.contains("corpus \(second.resolvingSymlinksInPath().path), run of 20"), "\(stats.stderr)")
        #expect(stats.stderr.contains("(work folder \(works[1].path))"))
    }
}
