import EnjeuxTestSupport
import Foundation
import Testing

/// The report of a corpus generated here, as a browser builds and runs it: documents without
/// passage hidden in the heat map (and shown when « Masquer les documents sans passage » is
/// unticked), rows sorted by total then by the issue whose column button is pressed, the
/// search box, failures summarised by French reason and folded, the document filter that
/// searches as you type. A screenshot is kept under `.build/enjeux-browser/`.
extension BrowserPageTests {
    /// A corpus of web pages: `onTopic` pages with one to four paragraphs about the issues,
    /// `offTopic` pages about bread, two files that are no document and an empty one.
    struct GeneratedCorpus {
        static let paragraphs = [
            "Dans les services sociaux du CISSS, la méthode Lean a réduit l’autonomie professionnelle des "
                + "intervenantes, qui doivent suivre des indicateurs de performance et rendre des comptes.",
            "La charge de travail des travailleuses sociales augmente : la reddition de comptes et les "
                + "indicateurs de performance prennent le pas sur le jugement clinique auprès des usagers.",
            "Le projet d’optimisation inspiré de la méthode Lean a standardisé les interventions psychosociales "
                + "et réduit l’autonomie professionnelle des intervenants du réseau de la santé.",
            "Les intervenantes décrivent une charge de travail accrue et des listes d’attente qui s’allongent "
                + "dans les services sociaux, malgré les indicateurs de performance affichés.",
        ]
        static let bread =
            "La recette du pain au levain demande de la farine, de l’eau, du sel et beaucoup de patience : "
            + "la pâte lève lentement toute la nuit avant la cuisson au four."

        var onTopic: [String] = []
        var offTopic: [String] = []
        var failures: [String] = []

        init(in folder: URL, onTopicCount: Int = 24, offTopicCount: Int = 12) throws {
            for index in 0..<onTopicCount {
                let name =
                    index % 3 == 0 ? "Évaluation/Rapport \(index).html" : "dossier-\(index % 2)/Note \(index).html"
                let body = (0...(index % 4)).map { "<p>\(Self.paragraphs[($0 + index) % Self.paragraphs.count])</p>" }
                try Self.page(title: "Note \(index)", body: body.joined(), to: folder.appendingPathComponent(name))
                onTopic.append(name)
            }
            for index in 0..<offTopicCount {
                let name = "Cuisine/Pain \(index).html"
                try Self.page(
                    title: "Pain \(index)", body: "<p>\(Self.bread)</p>", to: folder.appendingPathComponent(name))
                offTopic.append(name)
            }
            let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
            for name in ["Abîmés/binaire 1.pdf", "Abîmés/binaire 2.pdf"] {
                try Self.write(bytes, to: folder.appendingPathComponent(name))
                failures.append(name)
            }
            try Self.write(Data(), to: folder.appendingPathComponent("Abîmés/vide.html"))
            failures.append("Abîmés/vide.html")
        }

        static func page(title: String, body: String, to url: URL) throws {
            let html = """
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>\(title)</title></head>
                <body><article><h1>\(title)</h1>\(body)</article></body></html>
                """
            try write(Data(html.utf8), to: url)
        }

        static func write(_ data: Data, to url: URL) throws {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    @Test(.enabled(if: chromium != nil, "skipped: chromium is not installed (apt-get install chromium)"))
    func reportOfAGeneratedCorpusSortsSearchesHidesAndFolds() throws {
        let browser = try #require(Self.chromium)
        let scratch = try Scratch()
        let corpus = try GeneratedCorpus(in: scratch.path("Corpus"))
        let evidence = scratch.path("Evidence")
        let outputs = try StageRunner.pipeline(
            corpus: scratch.path("Corpus"), lexicon: SampleCorpusTests.lexicon, work: scratch.path("work"),
            evidence: evidence)
        #expect(outputs["extract"]?.status == 3, "three files are no document")
        for stage in ["tokenize", "score", "rank"] { #expect(outputs[stage]?.status == 0, "\(stage)") }
        let page = evidence.appendingPathComponent("index.html")

        // Which documents have passages above the threshold, from the scores themselves.
        let scores = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.path("work/scores.json")))
                as? [String: Any])
        let sources = Dictionary(
            uniqueKeysWithValues: (scores["documents"] as? [[String: Any]] ?? []).compactMap { document in
                (document["id"] as? String).flatMap { id in (document["source"] as? String).map { (id, $0) } }
            })
        var withPassages = Set<String>()
        for passage in scores["passages"] as? [[String: Any]] ?? [] {
            let above = (passage["scores"] as? [[String: Any]] ?? []).contains { ($0["score"] as? Double ?? 0) > 0.5 }
            if above, let id = passage["document_id"] as? String, let source = sources[id] {
                withPassages.insert(source)
            }
        }
        #expect(Set(corpus.offTopic).isDisjoint(with: withPassages), "bread is no evidence")
        #expect(withPassages.count >= 20, "most on-topic notes have passages: \(withPassages.sorted())")

        let probe = """
            <pre id="essai"></pre><script>
            (function () {
              var seen = {};
              var table = document.getElementById('carte');
              function rows() { return Array.prototype.slice.call(table.tBodies[0].rows); }
              function shown() { return rows().filter(function (r) { return !r.hidden; }); }
              function names(list) { return list.map(function (r) { return r.cells[0].textContent; }); }
              function column(list, index) { return list.map(function (r) {
                return r.classList.contains('vide') ? 0 : parseInt(r.cells[index].textContent, 10); }); }
              function count() { return document.getElementById('carte-compte').textContent; }
              seen.toolsShown = !document.querySelector('.outils-carte').hidden;
              seen.shown = names(shown());
              seen.totals = column(shown(), 1);
              seen.hidden = names(rows().filter(function (r) { return r.hidden; }));
              seen.count = count();
              var box = document.getElementById('carte-masquer');
              seen.boxTicked = box.checked;
              box.click();
              seen.shownWithEmpty = shown().length;
              seen.countWithEmpty = count();
              box.click();
              seen.shownAgain = shown().length;
              var search = document.getElementById('carte-recherche');
              search.value = 'evaluation/RAPPORT';
              search.dispatchEvent(new Event('input'));
              seen.searched = names(shown());
              seen.countSearched = count();
              search.value = '';
              search.dispatchEvent(new Event('input'));
              // Sort by the column of the third issue, from the keyboard's point of view: a button.
              var buttons = table.tHead.querySelectorAll('button');
              var button = buttons[3];
              button.focus();
              seen.buttonFocused = document.activeElement === button;
              button.click();
              seen.sortedColumn = column(shown(), 4);
              seen.sortedTotals = column(shown(), 1);
              seen.sortedBy = button.closest('th').getAttribute('aria-sort');
              seen.totalSort = buttons[0].closest('th').getAttribute('aria-sort');
              seen.sortedNames = names(shown());
              // Failures and warnings: a summary line per French reason, folded.
              var groups = document.querySelectorAll('#resume ul.raisons > li > details');
              seen.reasons = Array.prototype.map.call(groups, function (d) { return d.querySelector('summary').textContent; });
              seen.opened = Array.prototype.filter.call(groups, function (d) { return d.open; }).length;
              seen.failedPaths = Array.prototype.map.call(document.querySelectorAll('#resume ul.echecs .chemin'),
                function (s) { return s.textContent; });
              // The document filter narrows the passages as one types.
              var filter = document.getElementById('filtre-document');
              var panel = document.querySelector('[role=tabpanel]:not([hidden])');
              seen.passages = panel.querySelectorAll('article.passage').length;
              filter.value = 'dossier-1';
              filter.dispatchEvent(new Event('input'));
              seen.filtered = Array.prototype.filter.call(panel.querySelectorAll('article.passage'),
                function (a) { return !a.hidden; }).map(function (a) { return a.getAttribute('data-source'); });
              seen.suggestions = document.querySelectorAll('#documents-retenus option').length;
              document.getElementById('essai').textContent = JSON.stringify(seen);
            })();
            </script>
            """
        var html = try String(contentsOf: page, encoding: .utf8)
        let end = try #require(html.range(of: "</body>", options: .backwards))
        html.replaceSubrange(end, with: probe + "\n</body>")
        let copy = evidence.appendingPathComponent("essai-echelle.html")
        try Data(html.utf8).write(to: copy)
        let seen = try Self.probe(copy, browser: browser, scratch: scratch)

        // Shown: the documents with passages, most first; hidden: the others (the bread).
        let extracted = corpus.onTopic.count + corpus.offTopic.count
        #expect(seen["toolsShown"] as? Bool == true)
        #expect(seen["boxTicked"] as? Bool == true)
        #expect(Set(seen["shown"] as? [String] ?? []) == withPassages)
        #expect(Set(seen["hidden"] as? [String] ?? []) == Set(sources.values).subtracting(withPassages))
        let totals = seen["totals"] as? [Int] ?? []
        #expect(totals == totals.sorted(by: >) && totals.allSatisfy { $0 > 0 }, "\(totals)")
        #expect(seen["count"] as? String == "\(withPassages.count) documents affichés sur \(extracted).")
        #expect(seen["shownWithEmpty"] as? Int == extracted)
        #expect(seen["countWithEmpty"] as? String == "\(extracted) documents affichés sur \(extracted).")
        #expect(seen["shownAgain"] as? Int == withPassages.count)
        let searched = (seen["searched"] as? [String] ?? []).sorted()
        #expect(searched == withPassages.filter { $0.hasPrefix("Évaluation/Rapport") }.sorted())
        #expect(!searched.isEmpty)
        #expect(seen["countSearched"] as? String == "\(searched.count) documents affichés sur \(extracted).")

        #expect(seen["buttonFocused"] as? Bool == true)
        #expect(seen["sortedBy"] as? String == "descending")
        #expect(seen["totalSort"] == nil || seen["totalSort"] is NSNull)
        let column = seen["sortedColumn"] as? [Int] ?? []
        let sortedTotals = seen["sortedTotals"] as? [Int] ?? []
        #expect(column == column.sorted(by: >), "\(column)")
        for index in column.indices.dropFirst() where column[index] == column[index - 1] {
            #expect(sortedTotals[index] <= sortedTotals[index - 1], "ties by total")
        }
        #expect(Set(seen["sortedNames"] as? [String] ?? []) == withPassages)

        let reasons = seen["reasons"] as? [String] ?? []
        #expect(
            reasons == [
                "n\u{2019}est pas un PDF\u{A0}: 2 documents", "fichier vide\u{A0}: 1 document",
            ], "\(reasons)")
        #expect(seen["opened"] as? Int == 0, "the lists are folded")
        #expect(Set(seen["failedPaths"] as? [String] ?? []) == Set(corpus.failures))
        let source = try String(contentsOf: page, encoding: .utf8)
        #expect(source.contains("<span class=\"chemin\">Abîmés/binaire 1.pdf</span> (contenu inconnu)"))
        for english in ["unknown content", "not_a_document", "empty file", "empty_file"] {
            #expect(!source.contains(english), "\(english) in index.html")
        }

        let filtered = seen["filtered"] as? [String] ?? []
        #expect((seen["passages"] as? Int ?? 0) > filtered.count)
        #expect(!filtered.isEmpty && filtered.allSatisfy { $0.hasPrefix("dossier-1/") }, "\(filtered)")
        #expect(
            seen["suggestions"] as? Int == Set(try readEvidence(evidence).compactMap { $0["source"] as? String }).count)

        // A screenshot of the page at the heat map, kept under .build/.
        let shots = SharedData.repositoryRoot.appendingPathComponent(".build/enjeux-browser")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let shot = shots.appendingPathComponent("report-generated-corpus.png")
        try? FileManager.default.removeItem(at: shot)
        _ = try Self.runBrowser(
            browser, ["--screenshot=\(shot.path)", "--window-size=1280,1600", page.absoluteString], scratch: scratch,
            profile: "shot-scale")
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "screenshot at \(shot.path)")
    }
}
