import ArgumentParser

/// Tools for researchers who tune a lexicon: check it, and evaluate a ranking against gold quotes.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enjeux-lexicon",
        abstract: "Check a lexicon and measure the evidence it produces against graded gold quotes.",
        discussion: """
            Exit status: 0 success; 64 usage error; 65 invalid lexicon, gold or evidence file; \
            66 missing input.

            Examples:
              enjeux-lexicon check Lexicons/enjeux.fr.yaml
              enjeux-lexicon evaluate --gold ../shared/eval/dev/gold.jsonl --evidence Evidence --work .enjeux/corpus
            """,
        subcommands: [CheckCommand.self, EvaluateCommand.self, SpeedCommand.self])
}

LexiconCommand.main()
