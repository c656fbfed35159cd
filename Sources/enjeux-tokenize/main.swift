import ArgumentParser
import EnjeuxPipeline

struct Command: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enjeux-tokenize")
}
Command.main()
