import EnjeuxModel
import EnjeuxSupport
import Testing

@testable import EnjeuxText

/// Offsets are Unicode-scalar offsets: slicing the text at a token's offsets gives its surface,
/// and tokens never overlap, whatever the text.
@Suite("Token offsets")
struct OffsetPropertyTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let pieces: [String] = [
        "a", "é", "e\u{301}", "L’", "l'", "qu’", "-", "--", ".", "...", "…", ",", " ", "  ", "\r\n", "\n\n", "\u{00A0}",
        "\u{202F}", "\u{2009}", "12", "3,5", "1 000", "%", "$", "€", "«", "»", "\"", "(", ")", "👍🏽", "👨‍👩‍👧", "\u{301}",
        "\u{AD}", "\u{200B}", "M.", "p.", "T.S.", "É.-U.", "-t-il", "·", "@", "x@y.fr", "https://a.b/c", "www.", "œ",
        "ÉVALUATION", "travailleur", "euse", "s", "1er", "XXe", "aujourd'hui", "?!", "\t", "\u{FEFF}", "漢字", "é\u{327}",
    ]

    func checkOffsets(_ text: String) {
        let tokens = FrenchAnalyzer().tokens(in: text)
        let raw = FrenchTokenizer().tokenize(text)
        #expect(tokens.map(\.start) == raw.map(\.start))
        let scalars = Array(text.unicodeScalars)
        let scalarCount = scalars.count
        let checkSlices = scalarCount < 2_000
        var previousEnd = 0
        for token in tokens {
            #expect(token.start >= previousEnd, "overlap in \(text.debugDescription)")
            #expect(token.end > token.start)
            #expect(token.end <= scalarCount)
            let surface = String(String.UnicodeScalarView(scalars[token.start..<token.end]))
            if checkSlices { #expect(text.scalarSlice(token.start, token.end) == surface) }
            #expect(!surface.unicodeScalars.allSatisfy { $0.properties.isWhitespace })
            previousEnd = token.end
        }
        // Everything not covered by a token is whitespace, a control or a format character.
        var covered = Array(repeating: false, count: scalarCount)
        for token in tokens { for k in token.start..<token.end { covered[k] = true } }
        for (k, scalar) in scalars.enumerated() where !covered[k] {
            let cls = ScalarClass.of(scalar.value)
            #expect(
                cls == .space || cls == .control || cls == .format,
                "uncovered \(scalar.debugDescription) in \(text.debugDescription)")
        }
    }

    @Test("random strings of tricky pieces")
    func randomStrings() {
        var generator = Generator(state: 2026)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 20) { text += generator.pick(Self.pieces) }
            checkOffsets(text)
        }
    }

    @Test("long repetitive inputs stay linear")
    func pathologicalInputs() {
        let clock = ContinuousClock()
        for unit in ["le-", "l'", "a_", "a.", "-t", "1 000 ", "« a. ", "x@", "www.a", "é\u{301}"] {
            let text = String(repeating: unit, count: 20_000)
            let elapsed = clock.measure {
                checkOffsets(text)
                let sentences = SentenceSplitter().sentences(in: text)
                #expect(zip(sentences, sentences.dropFirst()).allSatisfy { $0.end <= $1.start })
            }
            #expect(elapsed < .seconds(20), "\(unit.debugDescription) took \(elapsed)")
        }
    }

    @Test("sample French texts")
    func sampleTexts() {
        let samples = [
            "L’intervenante sociale a-t-elle le temps ? « Non », dit-elle : 12,5 % des dossiers…\r\nVoir p. 12.",
            "Le Lean (c.-à-d. la « gestion allégée ») s’est imposé au CIUSSS de l’Est-de-l’Île-de-Montréal en 2015-2016.",
            "e\u{301}vale\u{301}uation des travailleur·euse·s ; 1\u{00A0}000\u{00A0}$ — https://www.quebec.ca.",
        ]
        for sample in samples {
            checkOffsets(sample)
            for token in FrenchAnalyzer().tokens(in: sample) {
                #expect(!sample.scalarSlice(token.start, token.end).isEmpty)
            }
        }
    }
}
