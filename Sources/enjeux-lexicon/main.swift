import ArgumentParser

/// Tools for researchers who tune a lexicon: check it, and evaluate a ranking against gold quotes.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enjeux-lexicon",
        abstract:
            "Check a lexicon, see what its terms weigh and what an edit changes, measure the evidence against gold quotes, and learn from the group's judgments.",
        discussion: """
            Exit status: 0 success; 64 usage error; 65 invalid lexicon, gold or evidence file; \
            66 missing input.

            Examples:
              enjeux-lexicon check Lexicons/enjeux.fr.yaml
              enjeux-lexicon stats --csv stats.csv
              enjeux-lexicon diff Lexicons/enjeux.fr.yaml Lexicons/essai.yaml --html diff.html
              enjeux-lexicon evaluate --gold ../shared/eval/dev/gold.jsonl --evidence Evidence --work .enjeux/Corpus-9189266f
              enjeux-lexicon judge 3f9a1c2b7d4e5f60 autonomie 2 --note "exemple clair"
              enjeux-lexicon compare Lexicons/enjeux.fr.yaml essai.yaml
              enjeux-lexicon next autonomie
              enjeux-lexicon simulate --gold ../shared/eval/dev/gold.jsonl --corpus ../shared/eval/dev/corpus
            """,
        subcommands: [
            CheckCommand.self, StatsCommand.self, KwicCommand.self, DiffCommand.self, SuggestCommand.self,
            EvaluateCommand.self, CompareCommand.self, JudgeCommand.self, NextCommand.self, SimulateCommand.self,
            SpeedCommand.self,
        ])
}

LexiconCommand.main()
