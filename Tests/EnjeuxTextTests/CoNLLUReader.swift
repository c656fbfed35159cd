import Foundation

/// One sentence of a CoNLL-U file: its raw text and its surface tokens (multiword-token
/// ranges count as one token; the syntactic words inside them are skipped).
struct CoNLLUSentence {
    var text: String
    var tokens: [String]
}

/// A minimal CoNLL-U reader for the tokenization conformance tests.
enum CoNLLUReader {
    static func read(_ content: String) -> [CoNLLUSentence] {
        var sentences: [CoNLLUSentence] = []
        var text: String?
        var tokens: [String] = []
        var skipTo = 0
        for rawLine in content.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                if let text, !tokens.isEmpty { sentences.append(CoNLLUSentence(text: text, tokens: tokens)) }
                text = nil
                tokens = []
                skipTo = 0
                continue
            }
            if line.hasPrefix("#") {
                if line.hasPrefix("# text = ") { text = String(line.dropFirst("# text = ".count)) }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2 else { continue }
            let id = columns[0]
            if id.contains(".") { continue }
            if let dash = id.firstIndex(of: "-") {
                skipTo = Int(id[id.index(after: dash)...]) ?? 0
                tokens.append(String(columns[1]))
                continue
            }
            if let number = Int(id), number <= skipTo { continue }
            tokens.append(String(columns[1]))
        }
        if let text, !tokens.isEmpty { sentences.append(CoNLLUSentence(text: text, tokens: tokens)) }
        return sentences
    }
}

/// Span scoring as in the shared `ud_tokens.py`: each piece is aligned at its first occurrence
/// at or after the end of the previous one; offsets in Unicode scalars.
enum SpanScoring {
    struct Span: Hashable {
        var start: Int
        var end: Int
    }

    static func align(_ text: String, _ pieces: [String]) -> (spans: [Span], unaligned: Int) {
        let scalars = Array(text.unicodeScalars)
        var spans: [Span] = []
        var unaligned = 0
        var position = 0
        for piece in pieces where !piece.isEmpty {
            let needle = Array(piece.unicodeScalars)
            var found = -1
            var k = position
            while k + needle.count <= scalars.count {
                if scalars[k] == needle[0], Array(scalars[k..<(k + needle.count)]) == needle {
                    found = k
                    break
                }
                k += 1
            }
            if found < 0 {
                unaligned += 1
                continue
            }
            spans.append(Span(start: found, end: found + needle.count))
            position = found + needle.count
        }
        return (spans, unaligned)
    }

    struct Counts {
        var matched = 0
        var predicted = 0
        var gold = 0
        var precision: Double { predicted == 0 ? 0 : Double(matched) / Double(predicted) }
        var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }
}
