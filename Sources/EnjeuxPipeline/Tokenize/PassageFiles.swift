import EnjeuxCommandLine
import EnjeuxModel
import EnjeuxText
import Foundation

/// Reads the tokenized documents of a passages folder for the stages and tools that match
/// every token again (scoring, suggestions): from the binary columns file when it is there
/// and current, else from the JSON passage file.
package enum PassageFiles {
    /// Hands over each passage of `entry` without tokens, with its token columns and the
    /// forms table; returns the document without passages. When the columns file turns out
    /// to be damaged part-way, `restart` is called before the passages are read again from
    /// the JSON file, so that the caller can drop what it gathered.
    package static func read(
        _ entry: TokenizeManifest.Entry, in folder: URL, restart: () -> Void,
        eachPassage body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws(StageError) -> TokenizedDocument {
        let columns = folder.appendingPathComponent("\(entry.id).\(TokenColumnsFile.fileExtension)")
        do {
            if let document = try TokenColumnsFile.read(
                from: columns, sha256: entry.sha256, analyzer: FrenchAnalyzer.version, eachPassage: body)
            {
                return document
            }
        } catch {
            restart()
        }
        return try readJSON(entry, in: folder, eachPassage: body)
    }

    /// Calls `body` with the index of `entry`'s columns file (for reading ranges of passages
    /// on several cores) when it is there and current; nil otherwise.
    package static func withColumnsIndex<Result>(
        _ entry: TokenizeManifest.Entry, in folder: URL, _ body: (ColumnsFileIndex) -> Result
    ) -> Result? {
        TokenColumnsFile.withIndex(
            of: folder.appendingPathComponent("\(entry.id).\(TokenColumnsFile.fileExtension)"), sha256: entry.sha256,
            analyzer: FrenchAnalyzer.version, body)
    }

    /// `read` from the JSON passage file only (when the columns file is missing or damaged).
    package static func readJSON(
        _ entry: TokenizeManifest.Entry, in folder: URL,
        eachPassage body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws(StageError) -> TokenizedDocument {
        do {
            return try TokenizedDocument.read(
                jsonFile: folder.appendingPathComponent("\(entry.id).json"), eachPassageColumns: body)
        } catch {
            throw StageError("cannot read the passages of \(entry.source): \(error)", status: .invalidInput)
        }
    }

    /// Every tokenized document of the passages folder of `work`, with its passages and
    /// tokens, in manifest order (for the tools that look at whole passages).
    package static func readAll(work: URL) throws(StageError) -> [TokenizedDocument] {
        let folder = work.appendingPathComponent("passages")
        guard let manifest = TokenizeManifest.load(from: folder) else {
            throw StageError("no passages in \(folder.path): run the pipeline first", status: .missingInput)
        }
        var documents: [TokenizedDocument] = []
        for entry in manifest.entries {
            do {
                documents.append(
                    try TokenizedDocument(jsonFile: folder.appendingPathComponent("\(entry.id).json")))
            } catch {
                throw StageError("cannot read the passages of \(entry.source): \(error)", status: .invalidInput)
            }
        }
        return documents
    }
}
