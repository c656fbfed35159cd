import EnjeuxTestSupport
import Testing

@testable import EnjeuxEvidence

/// Codings are placed in a document's text a window at a time (a 200 MB page is never held
/// whole); whatever the window, the spans are those of a plain search over the whole text.
struct QDATextLocatorTests {
    /// Code-point spans found by searching the scalars of the whole text, from the end of the
    /// previous passage, then from the start.
    static func reference(_ passages: [String], in text: String) -> [Range<Int>?] {
        let haystack = Array(text.unicodeScalars)
        func find(_ needle: [Unicode.Scalar], from start: Int) -> Int? {
            guard !needle.isEmpty, needle.count <= haystack.count, start <= haystack.count - needle.count else {
                return nil
            }
            return (start...(haystack.count - needle.count)).first {
                Array(haystack[$0..<($0 + needle.count)]) == needle
            }
        }
        var cursor = 0
        return passages.map { passage in
            let needle = Array(passage.unicodeScalars)
            guard let start = find(needle, from: cursor) ?? find(needle, from: 0) else { return nil }
            cursor = start + needle.count
            return start..<cursor
        }
    }

    @Test func windowsOfAnySizeFindTheSameSpans() {
        var random = SeededGenerator(seed: 7)
        let words = ["Lean", "équipe", "santé", "l’autonomie", "🙂", "CIUSSS", "de", "la", "\n\n", "Œuvre"]
        for trial in 0..<200 {
            let text = (0..<Int.random(in: 0...60, using: &random)).map { _ in
                words.randomElement(using: &random) ?? ""
            }.joined(separator: " ")
            let scalars = Array(text.unicodeScalars)
            var passages: [String] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                if scalars.isEmpty || Int.random(in: 0..<5, using: &random) == 0 {
                    passages.append("absent \(trial)")
                    continue
                }
                let start = Int.random(in: 0..<scalars.count, using: &random)
                let end = Int.random(in: start...min(scalars.count, start + 30), using: &random)
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[start..<end])
                passages.append(String(piece))
            }
            let expected = Self.reference(passages, in: text)
            for size in [1, 2, 3, 7, 64, QDATextLocator.windowSize] {
                #expect(
                    QDATextLocator.spans(of: passages, in: QDASourceText(text), windowSize: size) == expected,
                    "trial \(trial), window \(size)")
            }
        }
    }
}
