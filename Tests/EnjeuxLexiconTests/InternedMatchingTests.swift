import Testing

@testable import EnjeuxLexicon

/// The integer ids and byte trie the matcher uses in place of string hashing.
@Suite("Interned matching")
struct InternedMatchingTests {
    @Test func vocabularyFindsEveryInternedStringAfterGrowing() {
        var vocabulary = TokenVocabulary()
        // Lengths around the 8-byte chunks of the hash, accents, and enough keys to rehash.
        let words = (0..<1_000).map { "mot\($0)" } + ["a", "abcdefg", "abcdefgh", "abcdefghi", "évaluation", "œuvre"]
        var ids: [String: Int32] = [:]
        for word in words { ids[word] = vocabulary.intern(word) }
        #expect(vocabulary.count == words.count)
        for word in words { #expect(vocabulary.id(of: word) == ids[word]) }
        #expect(vocabulary.intern("mot7") == ids["mot7"])
        #expect(vocabulary.count == words.count)
        for absent in ["", "mot", "mot1000", "abcdefgj", "evaluation", "abcdefghij"] {
            #expect(vocabulary.id(of: absent) == TokenVocabulary.unknown)
        }
    }

    @Test func vocabularyComparesBytesNotJustHashes() {
        var vocabulary = TokenVocabulary()
        let first = vocabulary.intern("charge")
        let second = vocabulary.intern("chargé")
        #expect(first != second)
        #expect(vocabulary.id(of: "charge") == first)
        #expect(vocabulary.id(of: "chargé") == second)
    }

    private func globs(_ trie: PrefixTrie, _ word: String) -> [Int] {
        let node = TokenVocabulary.withUTF8(word) { trie.deepestMatch(of: $0) }
        return node < 0 ? [] : Array(trie.patterns(upTo: node))
    }

    @Test func trieFindsEveryGlobAWordStartsWith() {
        let trie = PrefixTrie(prefixes: ["aut": [1], "autonom": [3, 2], "autre": [4], "éva": [5], "zzz": [6]])
        #expect(globs(trie, "autonomie") == [1, 2, 3])
        #expect(globs(trie, "autonom") == [1, 2, 3])
        #expect(globs(trie, "autre") == [1, 4])
        #expect(globs(trie, "automate") == [1])
        #expect(globs(trie, "au").isEmpty)
        #expect(globs(trie, "bonjour").isEmpty)
        #expect(globs(trie, "évaluation") == [5])
        #expect(globs(trie, "evaluation").isEmpty)
        #expect(globs(trie, "").isEmpty)
        #expect(PrefixTrie(prefixes: [:]).isEmpty)
    }

    @Test func tokenSeenThroughSeveralIndexesIsTriedOncePerPattern() throws {
        // The same token reaches the term through its stem, its norm and a glob: one match each.
        let lexicon = try Fixture.lexicon(terms: ["gestion", "{term: gestion, stem: false}", "gest*", "=gestion"])
        let scorer = Scorer(lexicon: lexicon)
        let passage = Fixture.passage("la gestion des listes")
        var statistics = scorer.emptyStatistics()
        scorer.record(passage, into: &statistics)
        let matches = scorer.score(passage: passage, statistics: statistics).flatMap(\.matches)
        // Four terms cover the same token: one match is kept (the earliest term, all being equal).
        #expect(matches.map(\.term) == ["gestion"])
        let raw = PatternMatcher(
            lexicon: scorer.compiled, passage: PassageTokens(passage: passage, lexicon: scorer.compiled)
        )
        .allMatches()
        let patternCount = scorer.compiled.entries.count
        #expect(patternCount >= 3)
        #expect(raw.map(\.pattern) == Array(0..<patternCount))
    }

    @Test func globMatchesNonASCIIPrefixesAndOnlyWords() throws {
        let lexicon = try Fixture.lexicon(terms: ["évalu*"])
        let passage = Fixture.passage("Une évaluation, des Évaluateurs, une evaluation sans accent.")
        // Accents are folded by default: every form matches.
        #expect(Fixture.matchedTexts(lexicon, passage) == ["évaluation", "Évaluateurs", "evaluation"])
    }
}

/// Terms made of words and stems only are matched on their ids by a shorter path than the
/// general one (groups, globs, exact forms): both must find the same words.
@Suite("Simple sequence matching")
struct SimpleSequenceMatchingTests {
    /// The same phrase written plainly (the short path) and with its first word as a
    /// one-word group (the general path).
    private let phrases: [(plain: String, general: String)] = [
        ("charge de travail", "(charge|charge) de travail"),
        ("{term: liste d'attente, flexible: true}", "{term: (liste|liste) d'attente, flexible: true}"),
        ("{term: reddition de comptes, flexible: true}", "{term: (reddition|reddition) de comptes, flexible: true}"),
        (
            "{term: indicateurs de performance, flexible: true}",
            "{term: (indicateurs|indicateurs) de performance, flexible: true}"
        ),
        ("{term: gestion, stem: false}", "{term: (gestion|gestion), stem: false}"),
        ("travail", "(travail|travail)"),
    ]

    private let texts = [
        "La charge de travail augmente; les charges de travail des équipes aussi, et la charge du travail.",
        "Les listes d'attente, la liste de l'attente, une liste d'une attente et la liste attente.",
        "La reddition de comptes, les redditions des comptes et la reddition de ses comptes publics.",
        "Des indicateurs de la performance, un indicateur de performance, les indicateurs performance.",
        "La gestion, les gestions, la gestionnaire et le travail de gestion.",
        "charge de de travail, charge de la de travail, travail travail de charge",
    ]

    @Test func plainAndGeneralTermsMatchTheSameWords() throws {
        for (plain, general) in phrases {
            let short = try Fixture.lexicon(terms: [plain])
            let long = try Fixture.lexicon(terms: [general])
            for text in texts {
                let passage = Fixture.passage(text)
                #expect(
                    Fixture.matchedTexts(short, passage) == Fixture.matchedTexts(long, passage), "\(plain) in \(text)")
            }
        }
    }
}
