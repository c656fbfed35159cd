import EnjeuxCore
import EnjeuxText
import Foundation

/// A problem found in a lexicon file, with its position (1-based line and column).
public struct LexiconDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `file:line:column: error: message`, the format editors and compilers use.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// A lexicon that could not be loaded, with every diagnostic found.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [LexiconDiagnostic]
    public init(diagnostics: [LexiconDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// One issue of the lexicon.
/// SKELETON: to be replaced by the real implementation.
public struct LexiconCategory: Sendable, Hashable {
    public var id: String
    public var label: String
    public var description: String
    public var terms: [String]
}

/// A parsed lexicon.
/// SKELETON: to be replaced by the real implementation.
public struct Lexicon: Sendable {
    public var name: String
    public var version: String
    public var analyzerOptions: AnalyzerOptions
    public var categories: [LexiconCategory]

    /// Parses a lexicon from YAML text; `file` names it in diagnostics.
    public static func parse(yaml: String, file: String) throws(LexiconError) -> Lexicon {
        throw LexiconError(diagnostics: [LexiconDiagnostic(file: file, line: 1, column: 1, message: "not built yet")])
    }
}

/// Scores passages against a lexicon.
/// SKELETON: to be replaced by the real implementation.
public struct Scorer: Sendable {
    public var lexicon: Lexicon
    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Scores every passage of every document; returns passages with at least one score above zero.
    public func score(documents: [TokenizedDocument]) -> [ScoredPassage] { [] }
}
