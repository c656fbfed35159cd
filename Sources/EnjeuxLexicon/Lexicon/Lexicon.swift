import EnjeuxModel
import EnjeuxText
import Foundation

/// One entry of a category's `terms`: what the researcher wrote, the pattern it compiles to,
/// and its weight.
package struct LexiconTerm: Sendable, Hashable {
    /// The term as written in the file (`autonom*`, `charge NEAR/5 travail`).
    package var text: String
    package var pattern: TermPattern
    /// Multiplies the term's contribution (default 1).
    package var weight: Double
    /// Where the term is written in the lexicon file.
    package var position: SourcePosition

    package init(text: String, pattern: TermPattern, weight: Double = 1, position: SourcePosition) {
        self.text = text
        self.pattern = pattern
        self.weight = weight
        self.position = position
    }
}

/// How far an exclusion reaches around the place where it matches.
package enum ExclusionScope: String, Sendable, Hashable, CaseIterable {
    /// Cancels the term matches that share a token with the exclusion's match (default).
    case overlap
    /// Cancels the term matches in the same sentence.
    case sentence
    /// Cancels every term match of the category in the passage.
    case passage
}

/// One entry of an `exclude` list: a context in which the category's terms do not count.
package struct LexiconExclusion: Sendable, Hashable {
    package var text: String
    package var pattern: TermPattern
    package var scope: ExclusionScope
    package var position: SourcePosition

    package init(text: String, pattern: TermPattern, scope: ExclusionScope = .overlap, position: SourcePosition) {
        self.text = text
        self.pattern = pattern
        self.scope = scope
        self.position = position
    }
}

/// The vocabulary of the domain the issues are about (public health and social services,
/// professional practice), and how strongly scores are damped where it is missing.
///
/// A passage with no context term has its scores multiplied by `passageFloor`; a document
/// whose share of passages with a context term is below `documentShare` has every score
/// multiplied by `documentFloor + (1 − documentFloor) · (share / documentShare)²`. See
/// docs/lexicon.md.
package struct LexiconContext: Sendable, Hashable {
    /// The context terms (weights are not used: a term is present or not).
    package var terms: [LexiconTerm]
    /// Factor of a passage without any context term, in (0, 1].
    package var passageFloor: Double
    /// Factor of a document none of whose passages has a context term, in (0, 1].
    package var documentFloor: Double
    /// Share of passages with a context term from which a document is not damped, in (0, 1].
    package var documentShare: Double

    package init(
        terms: [LexiconTerm], passageFloor: Double = 0.9, documentFloor: Double = 0.1, documentShare: Double = 0.25
    ) {
        self.terms = terms
        self.passageFloor = passageFloor
        self.documentFloor = documentFloor
        self.documentShare = documentShare
    }

    /// The factor of a passage with `matches` context matches.
    package func passageFactor(matches: Int) -> Double {
        matches > 0 ? 1 : passageFloor
    }

    /// The factor of a document in which `withContext` of `passages` passages have a context term.
    package func documentFactor(passages: Int, withContext: Int) -> Double {
        guard passages > 0 else { return 1 }
        let share = Double(withContext) / Double(passages)
        let ramp = min(1, share / documentShare)
        return documentFloor + (1 - documentFloor) * ramp * ramp
    }
}

/// One issue of the lexicon.
package struct LexiconCategory: Sendable, Hashable {
    package var id: String
    package var label: String
    package var description: String
    package var terms: [LexiconTerm]
    package var exclusions: [LexiconExclusion]

    package init(
        id: String, label: String, description: String, terms: [LexiconTerm], exclusions: [LexiconExclusion] = []
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.terms = terms
        self.exclusions = exclusions
    }

    /// The category as shown to readers.
    package var info: CategoryInfo { CategoryInfo(id: id, label: label, description: description) }
}

/// A parsed lexicon: header, analysis switches and categories.
package struct Lexicon: Sendable {
    package var name: String
    package var version: String
    /// BCP 47 language of the terms (`fr`).
    package var language: String
    /// The analysis switches of the `normalization` header. Passages must be tokenized with
    /// the same options for the terms to match.
    package var analyzerOptions: AnalyzerOptions
    package var categories: [LexiconCategory]
    /// Exclusions of the top-level `exclude` list, applied to every category.
    package var globalExclusions: [LexiconExclusion]
    /// The domain vocabulary of the top-level `context` section; nil when there is none (no damping).
    package var context: LexiconContext?
    /// Warnings found while reading the file (the lexicon is usable).
    package var warnings: [LexiconDiagnostic]

    package init(
        name: String, version: String, language: String = "fr", analyzerOptions: AnalyzerOptions = AnalyzerOptions(),
        categories: [LexiconCategory], globalExclusions: [LexiconExclusion] = [], context: LexiconContext? = nil,
        warnings: [LexiconDiagnostic] = []
    ) {
        self.name = name
        self.version = version
        self.language = language
        self.analyzerOptions = analyzerOptions
        self.categories = categories
        self.globalExclusions = globalExclusions
        self.context = context
        self.warnings = warnings
    }

    /// The categories as shown to readers, in file order.
    package var categoryInfos: [CategoryInfo] { categories.map(\.info) }

    /// Parses a lexicon from YAML text; `file` names it in diagnostics. Throws every error
    /// found (with the warnings); warnings alone are kept in `warnings`.
    package static func parse(yaml: String, file: String) throws(LexiconError) -> Lexicon {
        let result = LexiconReader.read(yaml: yaml, file: file)
        guard let lexicon = result.lexicon, !result.diagnostics.contains(where: { $0.severity == .error }) else {
            throw LexiconError(diagnostics: result.diagnostics)
        }
        return lexicon
    }

    /// Reads and parses a lexicon file (UTF-8).
    package static func load(from url: URL) throws(LexiconError) -> Lexicon {
        try parse(yaml: LexiconText.readText(url), file: url.path)
    }
}

/// Reading lexicon files as UTF-8 text, with a diagnostic when that fails. Only a regular
/// file of at most `maximumBytes` is read: a device such as `/dev/zero`, a pipe or a folder is
/// refused for what it is, before anything is read.
package enum LexiconText {
    /// The largest lexicon file read (the default lexicon is about 40 KB).
    package static let maximumBytes = 64 << 20

    /// Why a lexicon file cannot be read, and whether it is missing (as opposed to present
    /// but not a lexicon).
    package struct ReadFailure: Error, Sendable {
        package var reason: String
        package var isMissing: Bool
    }

    /// The file's bytes.
    package static func readData(_ url: URL) throws(ReadFailure) -> Data {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            throw ReadFailure(reason: String(cString: strerror(code)), isMissing: code == ENOENT || code == ENOTDIR)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ReadFailure(reason: String(cString: strerror(errno)), isMissing: false)
        }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw ReadFailure(reason: "not a regular file (\(kindName(type))), not a lexicon", isMissing: false)
        }
        guard Int(status.st_size) <= maximumBytes else {
            throw ReadFailure(
                reason:
                    "too large (\(Int(status.st_size) >> 20) MB; a lexicon file may have at most \(maximumBytes >> 20) MB)",
                isMissing: false)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw ReadFailure(reason: error.localizedDescription, isMissing: false)
        }
    }

    private static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: "a folder"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a pipe"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }

    static func readText(_ url: URL) throws(LexiconError) -> String {
        let data: Data
        do {
            data = try readData(url)
        } catch {
            throw LexiconError(diagnostics: [
                LexiconDiagnostic(file: url.path, line: 1, column: 1, message: "cannot read the file: \(error.reason)")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(diagnostics: [
                LexiconDiagnostic(file: url.path, line: 1, column: 1, message: "the file is not valid UTF-8")
            ])
        }
        return text
    }
}

/// Validates a lexicon file without keeping it: every error and warning, in file order.
package enum LexiconChecker {
    package static func check(yaml: String, file: String) -> [LexiconDiagnostic] {
        LexiconReader.read(yaml: yaml, file: file).diagnostics
    }

    /// Validates a lexicon file on disk.
    package static func check(fileAt url: URL) -> [LexiconDiagnostic] {
        do {
            return check(yaml: try LexiconText.readText(url), file: url.path)
        } catch {
            return error.diagnostics
        }
    }
}
