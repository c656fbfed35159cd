import Testing

@testable import EnjeuxLexicon

/// Broken lexicons, each with the exact position of its first error.
@Suite("Lexicon diagnostics")
struct DiagnosticTests {
    private func errors(_ yaml: String) -> [LexiconDiagnostic] {
        LexiconChecker.check(yaml: yaml, file: "bad.yaml").filter { $0.severity == .error }
    }

    private func expectError(_ yaml: String, line: Int, column: Int, containing text: String) {
        let found = errors(yaml)
        #expect(!found.isEmpty, "expected an error")
        guard let first = found.first(where: { $0.message.contains(text) }) ?? found.first else { return }
        #expect(first.line == line && first.column == column, "got \(first)")
        #expect(first.message.contains(text), "got \(first.message)")
        do {
            _ = try Lexicon.parse(yaml: yaml, file: "bad.yaml")
            Issue.record("parse accepted a broken lexicon")
        } catch {
            #expect(error.diagnostics.contains(first))
        }
    }

    private let header = "name: t\nversion: \"1\"\ncategories:\n  acces:\n    label: Accès\n    description: d\n"

    @Test func unknownCategoryKeyWithSuggestion() {
        let yaml = header + "    termz:\n      - attente\n"
        expectError(yaml, line: 7, column: 5, containing: "unknown category key 'termz' (did you mean 'terms'?)")
    }

    @Test func unbalancedOpeningBracket() {
        let yaml = header + "    terms:\n      - liste [d' attente\n"
        expectError(yaml, line: 8, column: 15, containing: "unbalanced '['")
    }

    @Test func unbalancedClosingBracketInQuotedTerm() {
        let yaml = header + "    terms:\n      - \"liste d'] attente\"\n"
        expectError(yaml, line: 8, column: 18, containing: "unbalanced ']'")
    }

    @Test func unbalancedParenthesis() {
        let yaml = header + "    terms:\n      - \"délai (attente|file\"\n"
        expectError(yaml, line: 8, column: 16, containing: "unbalanced '('")
    }

    @Test func mismatchedGroupBrackets() {
        let yaml = header + "    terms:\n      - délai [attente)\n"
        expectError(yaml, line: 8, column: 23, containing: "unbalanced ')'")
    }

    @Test func badNearDistance() {
        let yaml = header + "    terms:\n      - délai NEAR/x attente\n"
        expectError(yaml, line: 8, column: 20, containing: "bad NEAR distance 'x'")
    }

    @Test func nearWithoutDistance() {
        let yaml = header + "    terms:\n      - délai NEAR attente\n"
        expectError(yaml, line: 8, column: 15, containing: "NEAR needs a distance")
    }

    @Test func emptyGlob() {
        let yaml = header + "    terms:\n      - attente\n      - \"*\"\n"
        expectError(yaml, line: 9, column: 10, containing: "empty glob")
    }

    @Test func globTooShort() {
        let yaml = header + "    terms:\n      - a*\n"
        expectError(yaml, line: 8, column: 9, containing: "too short")
    }

    @Test func starInsideWord() {
        let yaml = header + "    terms:\n      - att*ente\n"
        expectError(yaml, line: 8, column: 12, containing: "only allowed at the end")
    }

    @Test func emptyCategory() {
        let yaml = "name: t\nversion: \"1\"\ncategories:\n  acces:\n  austerite:\n    label: A\n    terms: [coupes]\n"
        expectError(yaml, line: 4, column: 3, containing: "category 'acces' is empty")
    }

    @Test func emptyTermsList() {
        let yaml = header + "    terms: []\n"
        expectError(yaml, line: 7, column: 12, containing: "has no terms")
    }

    @Test func duplicateTermsWithinACategory() {
        let yaml = header + "    terms:\n      - liste d'attente\n      - délai\n      - liste d'attente\n"
        expectError(yaml, line: 10, column: 9, containing: "duplicate term in category 'acces': already on line 8")
    }

    @Test func unknownNormalizationSwitch() {
        let yaml =
            "name: t\nversion: \"1\"\nnormalization:\n  fold_accent: true\ncategories:\n  a:\n    label: A\n    terms: [b]\n"
        expectError(yaml, line: 4, column: 3, containing: "unknown normalization switch 'fold_accent'")
    }

    @Test func normalizationSwitchMustBeBoolean() {
        let yaml =
            "name: t\nversion: \"1\"\nnormalization:\n  stem: sometimes\ncategories:\n  a:\n    label: A\n    terms: [b]\n"
        expectError(yaml, line: 4, column: 9, containing: "must be true or false")
    }

    @Test func weightMustBeANumber() {
        let yaml = header + "    terms:\n      - {term: délai, weight: lourd}\n"
        expectError(yaml, line: 8, column: 31, containing: "weight must be a number")
    }

    @Test func termOfFunctionWordsCannotIdentifyAnIssue() {
        let yaml = header + "    terms:\n      - attente\n      - de la\n"
        expectError(yaml, line: 9, column: 9, containing: "only")
    }

    @Test func termOfPunctuationCannotMatch() {
        let yaml = header + "    terms:\n      - attente\n      - \"« ! »\"\n"
        expectError(yaml, line: 9, column: 10, containing: "no words")
    }

    @Test func missingLabel() {
        let yaml = "name: t\nversion: \"1\"\ncategories:\n  acces:\n    description: d\n    terms: [attente]\n"
        expectError(yaml, line: 4, column: 3, containing: "category 'acces' has no 'label'")
    }

    @Test func unknownTopLevelKey() {
        let yaml = "name: t\nversoin: \"1\"\ncategories:\n  a:\n    label: A\n    terms: [b]\n"
        expectError(yaml, line: 2, column: 1, containing: "did you mean 'version'?")
    }

    @Test func invalidYAMLSyntax() {
        let yaml = "name: t\ncategories:\n  a:\n    label: [A\n    terms: [b]\n"
        let found = errors(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("invalid YAML") == true)
        #expect(found.first?.line ?? 0 >= 4)
    }

    @Test func diagnosticPrintsLikeACompiler() {
        let diagnostic = LexiconDiagnostic(file: "x.yaml", line: 3, column: 7, severity: .warning, message: "m")
        #expect(diagnostic.description == "x.yaml:3:7: warning: m")
    }

    @Test func warningsDoNotStopParsing() throws {
        let yaml = "name: t\ncategories:\n  a:\n    label: A\n    terms: [b, \"bureau [central]\"]\n"
        let lexicon = try Lexicon.parse(yaml: yaml, file: "w.yaml")
        #expect(lexicon.warnings.contains { $0.message.contains("missing 'version'") })
        #expect(lexicon.warnings.contains { $0.message.contains("no description") && $0.line == 3 && $0.column == 3 })
    }

    @Test func validLexiconHasNoErrors() {
        #expect(errors(Fixture.lexiconYAML(terms: ["autonomie", "=GMF", "charge NEAR/3 travail"])).isEmpty)
    }
}

@Suite("Lexicon diagnostics: YAML structure")
struct YAMLStructureDiagnosticTests {
    @Test func duplicateCategoryIdIsReportedAtTheKey() {
        let yaml =
            "name: t\nversion: \"1\"\ncategories:\n  acces:\n    label: A\n    terms: [b]\n  acces:\n    label: B\n    terms: [c]\n"
        let found = LexiconChecker.check(yaml: yaml, file: "dup.yaml")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("duplicate key: acces") == true)
        #expect(found.first?.line == 4 || found.first?.line == 7)
        #expect(found.first?.column == 3)
    }

    @Test func rootMustBeAMapping() {
        let found = LexiconChecker.check(yaml: "- a\n- b\n", file: "list.yaml")
        #expect(found.first?.line == 1 && found.first?.column == 1)
        #expect(found.first?.message.contains("a lexicon is a mapping") == true)
    }

    @Test func categoriesMustBeAMapping() {
        let found = LexiconChecker.check(yaml: "name: t\nversion: \"1\"\ncategories: [a, b]\n", file: "c.yaml")
        #expect(
            found.map(\.description) == [
                "c.yaml:3:13: error: 'categories' must be a mapping of category ids, not a list"
            ])
    }

    @Test func scopeMustBeKnown() {
        let yaml = Fixture.lexiconYAML(terms: ["autonomie"], exclude: ["{term: drone*, scope: document}"])
        let found = LexiconChecker.check(yaml: yaml, file: "s.yaml").filter { $0.severity == .error }
        #expect(found.map(\.line) == [10])
        #expect(found.first?.column == 31)
    }
}
