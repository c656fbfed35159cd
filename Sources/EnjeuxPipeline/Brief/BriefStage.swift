import EnjeuxBrief
import EnjeuxCommandLine
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// Writes a brief from an Evidence folder: its Markdown source and its bibliography as
/// CSL-JSON, then, through pandoc and citeproc, a DOCX and an ODT file. Each file is written
/// atomically. Without pandoc or the CSL style the Markdown and CSL-JSON are still written and
/// the outcome says why the documents are not.
package struct BriefStage: Sendable {
    package var evidence: URL
    package var choice: Choice
    package var title: String
    /// As printed under the title.
    package var date: String
    package var output: URL
    /// Base name of the files (`brief` → `brief.md`, `brief.json`, `brief.docx`, `brief.odt`).
    package var name: String
    /// A CSL style file or a style name of `citation-style-language-styles`; nil for APA.
    package var style: String?
    /// House templates (`--reference-doc`), a `.docx` and/or an `.odt`.
    package var referenceDocuments: [URL]
    /// The pandoc executable; nil looks for `pandoc` on `PATH`.
    package var pandoc: String?
    package var timeoutSeconds: Double

    /// Which passages, as the command line gives them (the selection file not yet read).
    package enum Choice: Sendable, Hashable {
        case selection(URL)
        case top(Int, issues: [String])
    }

    package init(
        evidence: URL, choice: Choice, title: String, date: String, output: URL, name: String = "brief",
        style: String? = nil, referenceDocuments: [URL] = [], pandoc: String? = nil, timeoutSeconds: Double = 120
    ) {
        self.evidence = evidence
        self.choice = choice
        self.title = title
        self.date = date
        self.output = output
        self.name = name
        self.style = style
        self.referenceDocuments = referenceDocuments
        self.pandoc = pandoc
        self.timeoutSeconds = timeoutSeconds
    }

    /// Why the DOCX and ODT files were not (all) written.
    package enum ConversionProblem: Sendable, Hashable {
        case pandocMissing
        /// The default style's file is missing (`citation-style-language-styles` not installed).
        case styleMissing(String)
        case failed(PandocCommand.Format, String)
        case timedOut(PandocCommand.Format, Double)
    }

    package struct Outcome: Sendable {
        package var brief: Brief
        package var markdown: URL
        package var bibliography: URL
        /// The DOCX and ODT files written.
        package var documents: [URL]
        package var problem: ConversionProblem?
        /// Pandoc's warnings.
        package var warnings: [String]
    }

    package func run() throws(StageError) -> Outcome {
        let evidence = try BriefInputs.evidence(in: self.evidence)
        let choice: BriefChoice
        switch self.choice {
        case .selection(let url): choice = .selection(try BriefInputs.selection(url), file: url.path)
        case .top(let count, let issues): choice = .top(count, issues: issues)
        }
        let (installedStyle, templates) = try checkedFiles()
        let brief: Brief
        do {
            brief = try BriefSelector.brief(evidence, choice: choice, title: title, date: date)
        } catch {
            throw BriefInputs.stageError(error)
        }

        let markdown = output.appendingPathComponent(name + ".md")
        let bibliography = output.appendingPathComponent(name + ".json")
        var stylePath = installedStyle
        do {
            try FileBytes.write(CSLItem.cslJSON(brief.references), to: bibliography)
            // The default style gets French APA's punctuation (`et`, no comma before it).
            if style == nil, let apa = try? String(contentsOfFile: stylePath, encoding: .utf8) {
                let derived = output.appendingPathComponent(name + ".csl")
                try AtomicFile.write(FrenchAPAStyle.derived(from: apa), to: derived)
                stylePath = derived.path
            }
            let text = BriefMarkdown.render(brief, bibliography: bibliography.lastPathComponent, style: stylePath)
            try AtomicFile.write(text, to: markdown)
        } catch {
            throw StageError(
                "cannot write the brief in \(output.path): \(error.localizedDescription)", status: .cannotWrite)
        }
        var outcome = Outcome(
            brief: brief, markdown: markdown, bibliography: bibliography, documents: [], problem: nil, warnings: [])
        guard let executable = PandocRunner.locate(pandoc) else {
            outcome.problem = .pandocMissing
            return outcome
        }
        guard FileManager.default.fileExists(atPath: stylePath) else {
            outcome.problem = .styleMissing(stylePath)
            return outcome
        }
        let runner = PandocRunner(executable: executable, timeoutSeconds: timeoutSeconds)
        for format in PandocCommand.Format.allCases {
            let target = output.appendingPathComponent(name + "." + format.rawValue)
            let command = PandocCommand(
                markdown: markdown.path, bibliography: bibliography.path, style: stylePath, format: format,
                referenceDocument: templates[format]?.path, output: target.path)
            switch runner.run(command) {
            case .written(let warnings):
                outcome.documents.append(target)
                outcome.warnings += warnings
            case .failed(let message):
                outcome.problem = .failed(format, message)
                return outcome
            case .timedOut:
                outcome.problem = .timedOut(format, timeoutSeconds)
                return outcome
            }
        }
        return outcome
    }

    /// The style's path and the templates by format, checked before anything is written: a
    /// file the user named must exist (the default style may be missing: the Markdown is
    /// still written).
    private func checkedFiles() throws(StageError) -> (String, [PandocCommand.Format: URL]) {
        let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
        let stylePath = URL(fileURLWithPath: CSLStyles.path(for: style ?? CSLStyles.defaultName, exists: exists)).path
        if style != nil && !exists(stylePath) {
            throw StageError(
                "no CSL style at \(stylePath) (give a .csl file, or a style name of \(CSLStyles.folder))",
                status: .missingInput)
        }
        var templates: [PandocCommand.Format: URL] = [:]
        for template in referenceDocuments {
            guard let format = PandocCommand.Format(rawValue: template.pathExtension.lowercased()) else {
                throw StageError(
                    "--reference-doc \(template.path): expected a .docx or .odt file", status: .usage)
            }
            guard exists(template.path) else {
                throw StageError("no reference document at \(template.path)", status: .missingInput)
            }
            templates[format] = template
        }
        return (stylePath, templates)
    }
}
