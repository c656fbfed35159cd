import ArgumentParser

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enjeux-lexicon")
}
LexiconCommand.main()
