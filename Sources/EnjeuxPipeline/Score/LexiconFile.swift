import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// Reads and checks a lexicon file, turning every problem into a one-line stage error.
package enum LexiconFile {
    /// The parsed lexicon, the file's SHA-256 and its warnings.
    package static func load(_ url: URL) throws(StageError) -> (Lexicon, String, [LexiconDiagnostic]) {
        let data: Data
        do {
            data = try LexiconText.readData(url)
        } catch {
            throw StageError(
                "cannot read the lexicon \(url.path): \(error.reason)",
                status: error.isMissing ? .missingInput : .invalidInput)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StageError("the lexicon \(url.path) is not UTF-8 text", status: .invalidInput)
        }
        do {
            let lexicon = try Lexicon.parse(yaml: text, file: url.path)
            return (lexicon, SHA256.hex(of: data), lexicon.warnings)
        } catch {
            throw StageError(
                "the lexicon has errors; nothing was scored:\n\(error.description)", status: .invalidInput)
        }
    }
}
