import EnjeuxSupport
import EnjeuxTestSupport
import Foundation
import Testing

/// Opens `Evidence/index.html` of the sample corpus in headless Chromium (Debian package
/// `chromium`) and checks the page the browser built: a section per issue, marks that are the
/// matched terms, a heat-map cell per issue and document, scripts running under the page's
/// Content-Security-Policy, and no network request made by the page.
@Suite(.serialized) struct BrowserPageTests {
    static let chromium: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    @Test(.enabled(if: chromium != nil, "skipped: chromium is not installed (apt-get install chromium)"))
    func pageBuiltByTheBrowserHasEveryIssueMarkAndCell() throws {
        let browser = try #require(Self.chromium)
        let scratch = try Scratch()
        let evidence = scratch.path("Evidence")
        let outputs = try StageRunner.pipeline(
            corpus: SampleCorpusTests.corpus, lexicon: SampleCorpusTests.lexicon, work: scratch.path("work"),
            evidence: evidence)
        for (stage, output) in outputs { #expect(output.status == 0, "\(stage) failed: \(output.stderr)") }
        let page = evidence.appendingPathComponent("index.html")
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: evidence.appendingPathComponent("run.json")))
                as? [String: Any])
        let issues = (run["issues"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String }
        #expect(issues.sorted() == SampleCorpusTests.issues.sorted())

        let result = try Self.open(page, with: browser, scratch: scratch, name: "page")
        let dom = result.dom
        #expect(dom.contains("data-script=\"actif\""), "the inline script did not run")

        // A tab and a section per issue; the first shown, the others hidden by the script.
        let sections = Self.chunks(of: dom, startingWith: "<section class=\"enjeu\"")
        #expect(sections.compactMap { Self.attribute("data-enjeu", in: $0) } == issues)
        #expect(Self.count("role=\"tab\"", in: dom) == issues.count)
        for (index, section) in sections.enumerated() {
            let tag = String(section.prefix { $0 != ">" })
            #expect(tag.contains("role=\"tabpanel\""))
            #expect(tag.contains(" hidden") == (index > 0), "panel \(index) visibility")
            #expect(section.contains("<h3>"))
        }

        // The marks of each passage are its matched terms (overlapping matches merged).
        let rows = try readEvidence(evidence)
        var expected: [String: [String]] = [:]
        for row in rows {
            let text = try #require(row["text"] as? String)
            let spans = (row["matches"] as? [[String: Any]] ?? []).compactMap { match -> Range<Int>? in
                guard let start = match["start"] as? Int, let end = match["end"] as? Int else { return nil }
                return start..<end
            }
            let key = "\(row["category"] as? String ?? "")/\(row["passage_id"] as? String ?? "")"
            expected[key] = Self.merged(spans).map { text.scalarSlice($0.lowerBound, $0.upperBound) }
        }
        var articles = 0
        for section in sections {
            let issue = Self.attribute("data-enjeu", in: section) ?? ""
            for article in Self.chunks(of: section, startingWith: "<article class=\"passage\"") {
                articles += 1
                let passage = Self.attribute("data-passage", in: article) ?? ""
                let marks = Self.elements("mark", in: article).map(Self.unescaped)
                #expect(marks == expected["\(issue)/\(passage)"], "marks of \(issue)/\(passage)")
                #expect(marks.isEmpty == false)
                #expect(article.contains("Copier la citation"))
            }
        }
        #expect(articles == rows.count)

        // Every link to a source opens an existing corpus file; PDFs at a page.
        let sourceLinks = Self.chunks(of: dom, startingWith: "<a class=\"source\"").compactMap {
            Self.attribute("href", in: $0).map(Self.unescaped)
        }
        #expect(sourceLinks.count == rows.count)
        for link in Set(sourceLinks) {
            let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
            let path = try #require(parts.first?.removingPercentEncoding)
            let target = evidence.appendingPathComponent(path).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: target.path), "\(link)")
            #expect(target.pathExtension == "pdf" ? parts.count == 2 && parts[1].hasPrefix("page=") : parts.count == 1)
        }

        // One heat-map row per document, with a cell per issue and the total; a column button per issue.
        let table = try #require(
            dom.range(of: "<table class=\"carte\"").map {
                String(dom[$0.lowerBound...]).components(separatedBy: "</table>")[0]
            })
        let tableRows = Self.chunks(of: table, startingWith: "<tr").dropFirst()  // the header row
        #expect(tableRows.count == run["documents"] as? Int)
        let names = tableRows.compactMap { row in
            row.components(separatedBy: "<th scope=\"row\">").dropFirst().first?.components(separatedBy: "</th>").first
        }
        #expect(Set(names).count == tableRows.count)
        for row in tableRows where !row.hasPrefix("<tr class=\"vide\"") {
            #expect(Self.count("<td", in: row) == issues.count + 1, "\(row)")
        }
        #expect(Self.count("data-tri=", in: table) == issues.count + 1)

        // No request from the page: no external URL in its attributes, none in Chromium's net log.
        let source = try String(contentsOf: page, encoding: .utf8)
        #expect(!source.contains(" src="))
        #expect(source.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
        #expect(result.pageRequests == [], "requests made by the page")

        // The check above can fail: a page with an external image is caught.
        try scratch.write("control.html", "<!DOCTYPE html><p>x</p><img src=\"http://enjeux.invalid/x.png\">")
        let control = try Self.open(scratch.path("control.html"), with: browser, scratch: scratch, name: "control")
        #expect(control.pageRequests == ["http://enjeux.invalid/x.png"])

        // The script at work: tabs from the keyboard, filters, the copy button, a heat-map cell.
        try checkInteractions(page: page, rows: rows, issues: issues, browser: browser, scratch: scratch)

        // A screenshot to look at, kept under .build/.
        let shots = SharedData.repositoryRoot.appendingPathComponent(".build/enjeux-browser")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let shot = shots.appendingPathComponent("index.png")
        try? FileManager.default.removeItem(at: shot)
        _ = try Self.runBrowser(
            browser, ["--screenshot=\(shot.path)", "--window-size=1280,2400", page.absoluteString], scratch: scratch,
            profile: "shot")
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "screenshot at \(shot.path)")
    }

    /// Runs a copy of the page with a script added at the end that presses keys, changes the
    /// filters, clicks a copy button (with the clipboard replaced by a recorder) and a heat-map
    /// cell, and writes what it saw as JSON into `<pre id="essai">`.
    func checkInteractions(page: URL, rows: [[String: Any]], issues: [String], browser: URL, scratch: Scratch) throws {
        let probe = """
            <pre id="essai"></pre><script>
            (function () {
              var seen = {};
              var tabs = document.querySelectorAll('[role=tab]');
              function key(tab, name) { tab.dispatchEvent(new KeyboardEvent('keydown', {key: name, bubbles: true})); }
              function selected() { return document.querySelector('[role=tab][aria-selected=true]').id; }
              function visible() { return Array.prototype.filter.call(document.querySelectorAll('[role=tabpanel]'),
                function (p) { return !p.hidden; }).map(function (p) { return p.id; }); }
              key(tabs[0], 'ArrowRight'); seen.afterRight = selected(); seen.focus = document.activeElement.id;
              seen.panelsAfterRight = visible();
              key(document.activeElement, 'End'); seen.afterEnd = selected();
              key(document.activeElement, 'ArrowRight'); seen.afterWrap = selected();
              key(document.activeElement, 'ArrowLeft'); key(document.activeElement, 'Home'); seen.afterHome = selected();
              var panel = document.querySelector('[role=tabpanel]:not([hidden])');
              var first = panel.querySelector('article.passage');
              var select = document.getElementById('filtre-document');
              select.value = first.getAttribute('data-source');
              select.dispatchEvent(new Event('input'));
              var shown = Array.prototype.filter.call(panel.querySelectorAll('article.passage'), function (a) { return !a.hidden; });
              seen.filteredSource = select.value;
              seen.filteredCount = shown.length;
              seen.filteredSources = shown.map(function (a) { return a.getAttribute('data-source'); });
              var score = document.getElementById('filtre-score');
              score.value = '100000'; score.dispatchEvent(new Event('input'));
              seen.highScoreCount = panel.querySelectorAll('article.passage:not([hidden])').length;
              select.value = ''; select.dispatchEvent(new Event('input'));
              score.value = '0'; score.dispatchEvent(new Event('input'));
              seen.resetCount = panel.querySelectorAll('article.passage:not([hidden])').length;
              var copies = [];
              Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: function (text) {
                copies.push(text); return Promise.resolve(); }}});
              seen.restored = document.getElementById('selection-liste').value;
              first.querySelector('button.copier').click();
              seen.copied = copies[0];
              var cells = document.querySelectorAll('#carte tbody a');
              var cell = cells[cells.length - 1];
              cell.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));
              seen.cellIssue = document.getElementById(cell.getAttribute('href').slice(1)).getAttribute('data-enjeu');
              seen.cellDocument = cell.closest('tr').cells[0].textContent;
              seen.afterCellTab = selected();
              seen.afterCellDocument = select.value;
              setTimeout(function () {
                seen.announced = document.getElementById('annonce').textContent;
                // The selection: tick two passages, read the list, copy it, untick one.
                var panel = document.getElementById('selection');
                var list = document.getElementById('selection-liste');
                var boxes = document.querySelectorAll('article.passage .choix input');
                function id(box) { return box.closest('article').getAttribute('data-passage'); }
                seen.selectionShown = !panel.hidden;
                seen.boxDisplay = getComputedStyle(boxes[0].closest('.choix')).display;
                seen.boxName = boxes[1].closest('label').textContent;
                boxes[1].click();
                boxes[0].click();
                seen.ticked = [id(boxes[1]), id(boxes[0])];
                seen.listAfterTwo = list.value;
                seen.countAfterTwo = document.getElementById('selection-compte').textContent;
                seen.checkedAfterTwo = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(id);
                seen.storedAfterTwo = localStorage.getItem('enjeux-selection:' + location.pathname);
                document.getElementById('copier-selection').click();
                seen.copiedSelection = copies[copies.length - 1];
                boxes[1].click();
                seen.listAfterUntick = list.value;
                setTimeout(function () {
                  seen.selectionAnnounced = document.getElementById('annonce').textContent;
                  document.getElementById('essai').textContent = JSON.stringify(seen);
                }, 0);
              }, 0);
            })();
            </script>
            """
        var html = try String(contentsOf: page, encoding: .utf8)
        let end = try #require(html.range(of: "</body>", options: .backwards))
        html.replaceSubrange(end, with: probe + "\n</body>")
        let copy = page.deletingLastPathComponent().appendingPathComponent("essai.html")
        try Data(html.utf8).write(to: copy)
        let seen = try Self.probe(copy, browser: browser, scratch: scratch)

        #expect(seen["afterRight"] as? String == "onglet-enjeu-\(issues[1])")
        #expect(seen["focus"] as? String == "onglet-enjeu-\(issues[1])")
        #expect(seen["panelsAfterRight"] as? [String] == ["enjeu-\(issues[1])"])
        #expect(seen["afterEnd"] as? String == "onglet-enjeu-\(issues[issues.count - 1])")
        #expect(seen["afterWrap"] as? String == "onglet-enjeu-\(issues[0])")
        #expect(seen["afterHome"] as? String == "onglet-enjeu-\(issues[0])")

        let source = try #require(seen["filteredSource"] as? String)
        let firstIssueRows = rows.filter { $0["category"] as? String == issues[0] }
        let expectedCount = firstIssueRows.filter { $0["source"] as? String == source }.count
        #expect(seen["filteredCount"] as? Int == expectedCount)
        #expect((seen["filteredSources"] as? [String])?.allSatisfy { $0 == source } == true)
        #expect(seen["highScoreCount"] as? Int == 0)
        #expect(seen["resetCount"] as? Int == firstIssueRows.count)

        let top = try #require(firstIssueRows.first { $0["rank"] as? Int == 1 })
        let quote = "«\u{A0}\(top["text"] as? String ?? "")\u{A0}» \(top["citation"] as? String ?? "")"
        #expect(seen["copied"] as? String == quote)
        #expect(seen["announced"] as? String == "Citation copiée dans le presse-papiers.")

        #expect(seen["afterCellTab"] as? String == "onglet-enjeu-\(seen["cellIssue"] as? String ?? "")")
        #expect(seen["afterCellDocument"] as? String == seen["cellDocument"] as? String)

        // The selection: the ids ticked, in that order, one per line; every box of the same
        // passage (under other issues) ticked too; the list copied in one go and kept.
        #expect(seen["restored"] as? String == "", "a new browser profile starts with no selection")
        #expect(seen["selectionShown"] as? Bool == true)
        #expect(seen["boxDisplay"] as? String == "block")
        let ticked = try #require(seen["ticked"] as? [String])
        #expect(ticked.count == 2 && ticked[0] != ticked[1])
        #expect((seen["boxName"] as? String)?.hasSuffix("Sélectionner \(ticked[0])") == true)
        let list = ticked.map { $0 + "\n" }.joined()
        #expect(seen["listAfterTwo"] as? String == list)
        #expect(seen["countAfterTwo"] as? String == "2 passages sélectionnés.")
        let occurrences = rows.filter { ticked.contains($0["passage_id"] as? String ?? "") }.count
        #expect((seen["checkedAfterTwo"] as? [String])?.count == occurrences)
        #expect(Set(seen["checkedAfterTwo"] as? [String] ?? []) == Set(ticked))
        #expect(seen["storedAfterTwo"] as? String == "[\"\(ticked[0])\",\"\(ticked[1])\"]")
        #expect(seen["copiedSelection"] as? String == list)
        #expect(seen["listAfterUntick"] as? String == ticked[1] + "\n")
        #expect(seen["selectionAnnounced"] as? String == "Sélection copiée\u{A0}: 2 passages sélectionnés.")

        // Opened again in the same browser profile, the page shows the selection left behind.
        let again = try Self.probe(copy, browser: browser, scratch: scratch)
        #expect(again["restored"] as? String == ticked[1] + "\n", "the selection is kept in the browser")
    }

    /// Opens a page with a probe in headless Chromium (profile `essai`, kept between calls)
    /// and returns what the probe wrote as JSON into `<pre id="essai">`.
    static func probe(_ page: URL, browser: URL, scratch: Scratch) throws -> [String: Any] {
        let dom = try runBrowser(
            browser, ["--virtual-time-budget=2000", "--dump-dom", page.absoluteString], scratch: scratch,
            profile: "essai")
        let json = try #require(
            elements("pre id=\"essai\"", in: dom.replacingOccurrences(of: "</pre>", with: "</pre id=\"essai\">"))
                .first.map(unescaped))
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    // MARK: Chromium

    struct Opened {
        var dom: String
        /// URLs of the requests the page itself started (Chromium's own background requests,
        /// whose initiator is "not an origin", are left out).
        var pageRequests: [String]
    }

    static func open(_ file: URL, with browser: URL, scratch: Scratch, name: String) throws -> Opened {
        let netLog = scratch.path("\(name)-net.json")
        let dom = try runBrowser(
            browser, ["--log-net-log=\(netLog.path)", "--dump-dom", file.absoluteString], scratch: scratch,
            profile: name)
        let data = try Data(contentsOf: netLog)
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var requests: [String] = []
        for event in log["events"] as? [[String: Any]] ?? [] {
            guard let params = event["params"] as? [String: Any], let url = params["url"] as? String,
                let initiator = params["initiator"] as? String, initiator != "not an origin",
                url.hasPrefix("http:") || url.hasPrefix("https:"), !requests.contains(url)
            else { continue }
            requests.append(url)
        }
        return Opened(dom: dom, pageRequests: requests)
    }

    /// Runs headless Chromium with every host name unresolvable; returns its standard output.
    static func runBrowser(_ browser: URL, _ arguments: [String], scratch: Scratch, profile: String) throws -> String {
        let process = Process()
        process.executableURL = browser
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(scratch.path("chromium-\(profile)").path)",
            ] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: deadline)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: Reading the serialized DOM

    /// The pieces of `text` that start with `marker`, each up to the next marker.
    static func chunks(of text: String, startingWith marker: String) -> [String] {
        Array(text.components(separatedBy: marker).dropFirst()).map { marker + $0 }
    }

    static func attribute(_ name: String, in chunk: String) -> String? {
        let tag = chunk.prefix { $0 != ">" }
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    /// The inner text of every `<name>…</name>` (elements without nested tags).
    static func elements(_ name: String, in text: String) -> [String] {
        text.components(separatedBy: "<\(name)>").dropFirst().compactMap { piece in
            piece.range(of: "</\(name)>").map { String(piece[..<$0.lowerBound]) }
        }
    }

    static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Ranges sorted, overlapping or touching ones merged.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = out.last, range.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                out.append(range)
            }
        }
        return out
    }
}
