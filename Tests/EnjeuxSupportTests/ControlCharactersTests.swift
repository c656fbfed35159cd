import EnjeuxSupport
import Testing

/// Issue 24, item 8: control characters from documents never reach a terminal as they are.
@Suite struct ControlCharactersTests {
    @Test func escapeBellNulAndC1ButKeepLineBreaksAndTabs() {
        #expect(
            ControlCharacters.escaped("a\u{1B}[31mb\u{07}c\u{00}d\u{9B}e\tf\ng")
                == "a\\u{1B}[31mb\\u{7}c\\u{0}d\\u{9B}e\tf\ng")
        #expect(ControlCharacters.escaped("l1\nl2\r", keepingLineBreaks: false) == "l1\\u{A}l2\\u{D}")
    }

    @Test func textWithoutControlsIsUnchanged() {
        let text = "Rapport d’évaluation « Lean » 2016 — été.pdf"
        #expect(ControlCharacters.escaped(text) == text)
    }
}
