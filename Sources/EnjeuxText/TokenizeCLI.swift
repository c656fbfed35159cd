/// Pure line-oriented functions for the `enjeux-tokenize` debugging modes (`--plain`, `--sentences`),
/// in the interface of the UD conformance scorer: one output line per input line.
public enum TokenizeCLI {
    /// The surface forms of the tokens of `line`, separated by tabs.
    public static func plainLine(_ line: String) -> String {
        let text = ScalarText(line)
        let tokens = FrenchTokenizer().tokenize(text)
        return tokens.map { span(text, $0.start, $0.end) }.joined(separator: "\t")
    }

    /// The sentences of `line`, copied exactly and separated by tabs.
    public static func sentencesLine(_ line: String) -> String {
        let text = ScalarText(line)
        let sentences = SentenceSplitter().sentences(in: text)
        return sentences.map { span(text, $0.start, $0.end) }.joined(separator: "\t")
    }

    private static func span(_ text: ScalarText, _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        for k in start..<end { if let u = Unicode.Scalar(text.values[k]) { view.append(u) } }
        return String(view)
    }
}
