import EnjeuxLexicon
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import Foundation

/// Every tokenized passage of the run held in memory once, in a compact form, with an
/// inverted index from each token form to the passages holding it: a search matches its
/// term only against the passages with a form that can start it, instead of reading and
/// matching the whole corpus from disk.
package final class PassageIndex: Sendable {
    /// A passage of the corpus: its document, its text and place (no tokens), and where its
    /// tokens are in the columns.
    struct Entry: Sendable {
        var document: Int32
        var passage: Passage
        var tokens: Range<Int>
    }

    /// The (normalised form, stem) pairs of the whole corpus, each once.
    let forms: [(String, String)]
    /// Document ids, by the number the entries give.
    let documents: [String]
    let entries: [Entry]
    /// Token columns of every passage end to end: form (in `forms`), offsets in the passage's
    /// text (Unicode scalars), kind.
    let tokenForm: [UInt32]
    let tokenStart: [UInt32]
    let tokenEnd: [UInt32]
    let tokenKind: [TokenKind]
    /// Form → the entries holding it, ascending.
    let postings: [[UInt32]]
    /// Word and number tokens of the whole corpus (for the scoring's mean passage length).
    let wordCount: Int

    /// Reads the tokenized corpus of a work folder (its columns files, else its JSON files),
    /// `jobs` documents at a time.
    package static func build(passages folder: URL, jobs: Int) throws(ReviewError) -> PassageIndex {
        guard let manifest = TokenizeManifest.load(from: folder) else {
            throw ReviewError(path: folder.path, reason: "no tokenized corpus (run make analyze first)")
        }
        var builder = Builder()
        // By batches: the documents of one batch are decoded side by side, then added in order.
        let batch = max(1, jobs) * 16
        for start in stride(from: 0, to: manifest.entries.count, by: batch) {
            let read = Array(manifest.entries[start..<min(start + batch, manifest.entries.count)]).parallelMap(
                workers: max(1, jobs)
            ) { entry in
                Result { () throws(ReviewError) -> DocumentTokens in try DocumentTokens.read(entry, in: folder) }
            }
            for document in read { try builder.add(document.get()) }
        }
        return builder.finish()
    }

    fileprivate init(builder: Builder) {
        forms = builder.forms
        documents = builder.documents
        entries = builder.entries
        tokenForm = builder.tokenForm
        tokenStart = builder.tokenStart
        tokenEnd = builder.tokenEnd
        tokenKind = builder.tokenKind
        postings = builder.postings
        wordCount = builder.wordCount
    }

    /// Passages of the corpus.
    package var passageCount: Int { entries.count }

    /// The token columns of entry `position`, with forms numbered in `forms`.
    func columns(_ position: Int) -> PassageTokenColumns {
        let range = entries[position].tokens
        return PassageTokenColumns(
            start: tokenStart[range].map { Int($0) }, end: tokenEnd[range].map { Int($0) },
            kind: Array(tokenKind[range]), form: tokenForm[range].map { Int($0) })
    }
}

/// One document's passages and token columns as read from its file, forms numbered in its
/// own table.
private struct DocumentTokens: Sendable {
    var id: String
    var table: [(String, String)]
    var passages: [Passage]
    var columns: [PassageTokenColumns]

    static func read(_ entry: TokenizeManifest.Entry, in folder: URL) throws(ReviewError) -> DocumentTokens {
        var document = DocumentTokens(id: entry.id, table: [], passages: [], columns: [])
        do {
            _ = try PassageFiles.read(
                entry, in: folder,
                restart: {
                    document.table.removeAll()
                    document.passages.removeAll()
                    document.columns.removeAll()
                },
                eachPassage: { passage, columns, table in
                    document.passages.append(passage)
                    document.columns.append(columns)
                    if table.count != document.table.count { document.table = table }
                })
        } catch {
            throw ReviewError(path: folder.appendingPathComponent(entry.id).path, reason: "\(error)")
        }
        return document
    }
}

/// Gathers the documents into one index, numbering forms across the corpus.
private struct Builder {
    struct FormKey: Hashable {
        var norm: String
        var stem: String
    }

    /// Form 0 is the empty form, which no term matches (a damaged form number points to it).
    var forms: [(String, String)] = [("", "")]
    var formNumbers: [FormKey: UInt32] = [FormKey(norm: "", stem: ""): 0]
    var documents: [String] = []
    var entries: [PassageIndex.Entry] = []
    var tokenForm: [UInt32] = []
    var tokenStart: [UInt32] = []
    var tokenEnd: [UInt32] = []
    var tokenKind: [TokenKind] = []
    var postings: [[UInt32]] = [[]]
    /// Form → the last entry added to its postings (so that an entry is listed once).
    var lastEntry: [Int32] = [-1]
    var wordCount = 0

    mutating func add(_ document: DocumentTokens) {
        let number = Int32(documents.count)
        documents.append(document.id)
        let global = document.table.map { norm, stem in
            let key = FormKey(norm: norm, stem: stem)
            if let known = formNumbers[key] { return known }
            let new = UInt32(forms.count)
            formNumbers[key] = new
            forms.append((norm, stem))
            postings.append([])
            lastEntry.append(-1)
            return new
        }
        for (passage, columns) in zip(document.passages, document.columns) {
            let position = Int32(entries.count)
            let first = tokenForm.count
            let count = min(columns.start.count, columns.end.count, columns.kind.count, columns.form.count)
            for token in 0..<count {
                let local = columns.form[token]
                let form = local >= 0 && local < global.count ? global[local] : 0
                tokenForm.append(form)
                tokenStart.append(UInt32(clamping: columns.start[token]))
                tokenEnd.append(UInt32(clamping: columns.end[token]))
                let kind = columns.kind[token]
                tokenKind.append(kind)
                if kind == .word || kind == .number { wordCount += 1 }
                if lastEntry[Int(form)] != position {
                    lastEntry[Int(form)] = position
                    postings[Int(form)].append(UInt32(position))
                }
            }
            entries.append(
                PassageIndex.Entry(document: number, passage: passage, tokens: first..<tokenForm.count))
        }
    }

    func finish() -> PassageIndex { PassageIndex(builder: self) }
}
