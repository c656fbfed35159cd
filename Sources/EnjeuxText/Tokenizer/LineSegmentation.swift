/// One line of text as its tokens or its sentences, tab-separated (`enjeux-tokenize --plain`, `--sentences`),
/// in the interface of the UD conformance scorer: one output line per input line.
package enum LineSegmentation {
    /// The surface forms of the tokens of `line`, separated by tabs.
    package static func plainLine(_ line: String) -> String {
        let text = ScalarText(line)
        let tokens = FrenchTokenizer().tokenize(text)
        return tokens.map { text.string($0.start, $0.end) }.joined(separator: "\t")
    }

    /// The sentences of `line`, copied exactly and separated by tabs.
    package static func sentencesLine(_ line: String) -> String {
        let text = ScalarText(line)
        let sentences = SentenceSplitter().sentences(in: text)
        return sentences.map { text.string($0.start, $0.end) }.joined(separator: "\t")
    }

}
