import ArgumentParser

/// Tools for researchers who tune a lexicon: check it, and evaluate a ranking against gold quotes.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enjeux-lexicon",
        abstract:
            "Check a lexicon, see what its terms weigh and what an edit changes, and measure the evidence against gold quotes.",
        discussion: """
            Exit status: 0 success; 64 usage error; 65 invalid lexicon, gold or evidence file; \
            66 missing input.

            Examples:
              enjeux-lexicon check Lexicons/enjeux.fr.yaml
              enjeux-lexicon stats --csv stats.csv
              enjeux-lexicon diff Lexicons/enjeux.fr.yaml Lexicons/essai.yaml --html diff.html
              enjeux-lexicon evaluate --gold ../shared/eval/dev/gold.jsonl --evidence Evidence --work .enjeux/Corpus-9189266f
            """,
        subcommands: [
            CheckCommand.self, StatsCommand.self, KwicCommand.self, DiffCommand.self, SuggestCommand.self,
            EvaluateCommand.self,
            SpeedCommand.self,
        ])
}

LexiconCommand.main()
