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

/// A 1-based line and column in a lexicon file.
public struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The same line, `offset` columns further right.
    public func advanced(by offset: Int) -> SourcePosition {
        SourcePosition(line: line, column: column + offset)
    }

    public var description: String { "\(line):\(column)" }
}

/// Collects diagnostics for one file while it is read.
struct DiagnosticSink {
    let file: String
    private(set) var diagnostics: [LexiconDiagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at position: SourcePosition) {
        report(.error, message, at: position)
    }

    mutating func warning(_ message: String, at position: SourcePosition) {
        report(.warning, message, at: position)
    }

    mutating func report(_ severity: LexiconDiagnostic.Severity, _ message: String, at position: SourcePosition) {
        diagnostics.append(
            LexiconDiagnostic(
                file: file, line: position.line, column: position.column, severity: severity, message: message))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Diagnostics in file order (line, then column), errors before warnings at the same place.
    var sorted: [LexiconDiagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
