import EnjeuxSupport
import Foundation

/// Writes a passage file and its columns file passage by passage, so that a long document's
/// tokens are never held all at once: each passage is encoded as it comes (its tokens pointing
/// into the forms table, which grows with each new form) into scratch files, and the two files
/// are assembled at the end, when the forms table and the document's header are complete —
/// the same bytes as `TokenizedDocument.writeJSON(to:)` and `TokenColumnsFile.write(_:to:)`.
public final class TokenizedDocumentWriter {
    private var forms = FormTable()
    private var passageWriter = JSONWriter(capacity: 1 << 16)
    private let passagesJSON = ScratchFile()
    private let passagesColumns = ScratchFile()
    private var columnsBuffer: [UInt8] = []
    /// Passages appended so far.
    public private(set) var passageCount = 0

    public init() {}

    /// Encodes a passage (its tokens are not kept).
    public func append(_ passage: Passage) {
        let tokenForms = forms.add(passage.tokens)
        // One writer for every passage: it places the commas between them.
        StoredPassage.write(passage, forms: tokenForms[...], to: &passageWriter)
        passageWriter.drain { passagesJSON.append($0) }
        columnsBuffer.removeAll(keepingCapacity: true)
        TokenColumnsFile.append(passage, forms: tokenForms, to: &columnsBuffer)
        passagesColumns.append(columnsBuffer)
        passageCount += 1
    }

    /// Writes the passage file of `header` (a document without passages: those appended make
    /// its passages) atomically to `url`.
    public func writeJSON(_ header: TokenizedDocument, to url: URL) throws(FileWriteError) {
        let file = try AtomicFileWriter(url: url)
        var writer = JSONWriter(capacity: 1 << 16)
        header.writeOpening(forms: forms, to: &writer)
        try file.write(&writer)
        try file.write(contentsOf: passagesJSON)
        header.writeClosing(to: &writer)
        try file.write(&writer)
        try file.write(CollectionOfOne(UInt8(0x0A)))
        try file.commit()
    }

    /// Writes the columns file of `header` atomically to `url`.
    public func writeColumns(_ header: TokenizedDocument, to url: URL) throws(FileWriteError) {
        var head = header
        head.passages = []
        let file = try AtomicFileWriter(url: url)
        var out = TokenColumnsFile.magic
        TokenColumnsFile.append(bytes: head.jsonBytes(), to: &out)
        TokenColumnsFile.append(UInt32(forms.pairs.count), to: &out)
        for (norm, stem) in forms.pairs {
            TokenColumnsFile.append(string: norm, to: &out)
            TokenColumnsFile.append(string: stem, to: &out)
            if out.count >= 1 << 20 {
                try file.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        TokenColumnsFile.append(UInt32(passageCount), to: &out)
        try file.write(out)
        try file.write(contentsOf: passagesColumns)
        try file.commit()
    }
}
