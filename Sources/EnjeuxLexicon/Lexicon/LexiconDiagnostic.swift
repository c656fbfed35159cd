import EnjeuxSupport

/// A problem found in a lexicon file, with its position (1-based line and column).
package struct LexiconDiagnostic: Sendable, Hashable, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable { case error, warning }
    package var file: String
    package var line: Int
    package var column: Int
    package var severity: Severity
    package var message: String

    package init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `file:line:column: error: message`, the format editors and compilers use; control
    /// characters of the file name or of quoted lexicon text are written as visible escapes.
    package var description: String {
        ControlCharacters.escaped(
            "\(file):\(line):\(column): \(severity.rawValue): \(message)", keepingLineBreaks: false)
    }
}

/// A lexicon that could not be loaded, with every diagnostic found.
package struct LexiconError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [LexiconDiagnostic]
    package init(diagnostics: [LexiconDiagnostic]) { self.diagnostics = diagnostics }
    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A 1-based line and column in a lexicon file.
package struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The same line, `offset` columns further right.
    package func advanced(by offset: Int) -> SourcePosition {
        SourcePosition(line: line, column: column + offset)
    }

    package var description: String { "\(line):\(column)" }
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
