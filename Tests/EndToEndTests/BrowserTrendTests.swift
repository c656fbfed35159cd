import EnjeuxTestSupport
import Foundation
import SQLiteKit
import Testing

/// « Évolution dans le temps » and « Enjeux abordés ensemble » of the sample corpus's
/// `index.html`, as headless Chromium lays them out: every chart and matrix drawn with a size,
/// the figures those of `evidence.sqlite`, and a screenshot of the two sections.
@Suite(.serialized) struct BrowserTrendTests {
    @Test(
        .enabled(
            if: BrowserPageTests.chromium != nil, "skipped: chromium is not installed (apt-get install chromium)"))
    func trendAndCoOccurrenceSectionsRender() throws {
        let browser = try #require(BrowserPageTests.chromium)
        let run = try EvidenceDatabaseTests.sample.get()
        let scratch = try Scratch()
        // A copy of the page beside the original, with a probe that measures what was drawn.
        let probe = """
            <pre id="essai"></pre><script>
            (function () {
              function box(element) { var r = element.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; }
              var seen = { charts: [], matrices: [], tables: [] };
              document.querySelectorAll('#evolution figure.evolution').forEach(function (figure) {
                var points = [];
                figure.querySelectorAll('circle.point').forEach(function (c) {
                  points.push([c.getAttribute('data-annee'), Number(c.getAttribute('data-passages')), box(c)[0]]);
                });
                seen.charts.push({ issue: figure.getAttribute('data-enjeu'), size: box(figure.querySelector('svg')), points: points,
                                   title: figure.querySelector('svg > title').textContent });
              });
              document.querySelectorAll('#ensemble figure.matrice').forEach(function (figure) {
                var cells = {};
                figure.querySelectorAll('g.case').forEach(function (g) {
                  cells[g.getAttribute('data-ligne') + ' ' + g.getAttribute('data-colonne')] =
                    [Number(g.getAttribute('data-compte')), g.querySelector('title').textContent, box(g.querySelector('rect'))[0]];
                });
                seen.matrices.push({ kind: figure.getAttribute('data-matrice'), size: box(figure.querySelector('svg')), cells: cells });
              });
              document.querySelectorAll('#evolution-tableau, #ensemble-tableau').forEach(function (t) {
                seen.tables.push([t.id, t.querySelectorAll('tbody tr').length]);
              });
              seen.note = (document.querySelector('#ensemble .note-lecture') || {}).textContent || '';
              document.getElementById('essai').textContent = JSON.stringify(seen);
            })();
            </script>
            """
        let page = try String(contentsOf: run.evidence.appendingPathComponent("index.html"), encoding: .utf8)
        let probed = run.evidence.appendingPathComponent("sonde-evolution.html")
        try Data(page.replacingOccurrences(of: "</body>", with: probe + "</body>").utf8).write(to: probed)
        defer { try? FileManager.default.removeItem(at: probed) }
        let dom = try BrowserPageTests.open(probed, with: browser, scratch: scratch, name: "evolution").dom
        let json = try #require(
            dom.components(separatedBy: "<pre id=\"essai\">").dropFirst().first?.components(separatedBy: "</pre>").first
        )
        let seen = try #require(
            try JSONSerialization.jsonObject(with: Data(BrowserPageTests.unescaped(json).utf8)) as? [String: Any])

        // What the database says: evidence passages per year and issue, and per issue.
        let database = try SQLiteConnection(
            path: run.evidence.appendingPathComponent("evidence.sqlite").path, readOnly: true)
        var perYear: [String: Int] = [:]
        for row in try database.rows(
            """
            SELECT d.year, s.issue_id, COUNT(*) FROM scores AS s JOIN passages AS p ON p.key = s.passage
            JOIN documents AS d ON d.key = p.document
            WHERE d.is_evidence = 1 AND d.year IS NOT NULL GROUP BY d.year, s.issue_id
            """)
        {
            perYear["\(row[0].integerValue ?? 0) \(row[1].textValue ?? "")"] = Int(row[2].integerValue ?? 0)
        }
        let years = try database.rows("SELECT DISTINCT year FROM documents WHERE year IS NOT NULL").count
        let candidates = Dictionary(
            try database.rows("SELECT id, candidates FROM issues").map {
                ($0[0].textValue ?? "", Int($0[1].integerValue ?? 0))
            },
            uniquingKeysWith: { first, _ in first })
        #expect(years >= 5)

        let charts = seen["charts"] as? [[String: Any]] ?? []
        #expect(charts.count == SampleCorpusTests.issues.count)
        for chart in charts {
            let issue = chart["issue"] as? String ?? ""
            let size = chart["size"] as? [Int] ?? []
            #expect(size.count == 2 && size[0] >= 250 && size[1] >= 100, "\(issue) chart drawn at \(size)")
            let points = chart["points"] as? [[Any]] ?? []
            #expect(points.count == years, "\(issue)")
            for point in points {
                let year = point[0] as? String ?? ""
                #expect(point[1] as? Int == perYear["\(year) \(issue)"] ?? 0, "\(issue) \(year)")
                #expect((point[2] as? Int ?? 0) > 0, "point drawn")
            }
            #expect((chart["title"] as? String ?? "").contains("part des passages par année"))
        }
        let matrices = seen["matrices"] as? [[String: Any]] ?? []
        #expect(matrices.compactMap { $0["kind"] as? String } == ["passages", "documents"])
        for matrix in matrices {
            let cells = matrix["cells"] as? [String: [Any]] ?? [:]
            #expect(cells.count == SampleCorpusTests.issues.count * SampleCorpusTests.issues.count)
            let size = matrix["size"] as? [Int] ?? []
            #expect(size.count == 2 && size[0] >= 500 && size[1] >= 300, "matrix drawn at \(size)")
            #expect(cells.values.allSatisfy { ($0[2] as? Int ?? 0) > 20 && !($0[1] as? String ?? "").isEmpty })
        }
        // The diagonal of the passage matrix is each issue's candidates (run.json and the database).
        let passages = matrices.first?["cells"] as? [String: [Any]] ?? [:]
        for issue in SampleCorpusTests.issues {
            #expect(passages["\(issue) \(issue)"]?[0] as? Int == candidates[issue], "\(issue)")
        }
        #expect(
            (seen["tables"] as? [[Any]] ?? []).map { "\($0[0]) \($0[1])" } == [
                "evolution-tableau \(years)", "ensemble-tableau \(SampleCorpusTests.issues.count)",
            ])
        #expect((seen["note"] as? String ?? "").contains("le plus souvent abordés dans un même passage"))

        // A screenshot of the two sections, kept under .build/ to look at: a copy of the page
        // that hides what comes before and after them.
        let shots = SharedData.repositoryRoot.appendingPathComponent(".build/enjeux-browser")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let shot = shots.appendingPathComponent("evolution-ensemble.png")
        try? FileManager.default.removeItem(at: shot)
        let hide =
            "<style>header, footer, .evitement, main > section:not(#evolution):not(#ensemble) { display: none; }</style>"
        let sections = run.evidence.appendingPathComponent("sections-evolution.html")
        try Data(page.replacingOccurrences(of: "</head>", with: hide + "</head>").utf8).write(to: sections)
        defer { try? FileManager.default.removeItem(at: sections) }
        _ = try BrowserPageTests.runBrowser(
            browser, ["--screenshot=\(shot.path)", "--window-size=1280,2600", sections.absoluteString],
            scratch: scratch, profile: "shot")
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(size > 50_000, "screenshot at \(shot.path)")
    }
}
