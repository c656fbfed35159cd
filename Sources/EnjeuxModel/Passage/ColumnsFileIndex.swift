import EnjeuxSupport

/// A columns file (`TokenColumnsFile`) held in memory with its document header, its forms
/// table and where each passage starts, so that ranges of passages can be decoded on their
/// own — on several cores for a long document.
///
/// It points into the file's bytes without owning them: it is only valid during the call
/// that hands it over (`TokenColumnsFile.withIndex(of:sha256:analyzer:_:)`), and reading it
/// from several threads during that call is safe (nothing in it changes).
public struct ColumnsFileIndex: @unchecked Sendable {
    /// The document, without its passages.
    public let document: TokenizedDocument
    /// The document's (norm, stem) pairs, indexed by the columns' `form`.
    public let table: [(String, String)]
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Byte offset of each passage, then of the end of the last one.
    private let starts: [Int]

    /// Number of passages.
    public var passageCount: Int { starts.count - 1 }

    /// Files larger than this are given back to the system as they are walked through.
    static let releasedWalkBytes = 64 << 20

    /// Reads the header and forms table and finds every passage; throws when the bytes are
    /// not a whole columns file.
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(TokenColumnsFile.ReadError) {
        typealias ReadError = TokenColumnsFile.ReadError
        self.document = try TokenColumnsFile.header(of: bytes)
        var reader = TokenColumnsFile.Reader(bytes: bytes)
        reader.position = TokenColumnsFile.magic.count
        _ = try reader.block()
        let formCount = Int(try reader.u32())
        var table: [(String, String)] = []
        table.reserveCapacity(min(formCount, bytes.count / 8))
        for _ in 0..<formCount { table.append((try reader.string(), try reader.string())) }
        let passageCount = Int(try reader.u32())
        var starts: [Int] = []
        starts.reserveCapacity(min(passageCount, bytes.count / 16) + 1)
        // A large file is walked through once here before its passages are decoded: what was
        // walked need not stay resident (the decoding reads it again, range by range).
        let releasing = bytes.count > Self.releasedWalkBytes
        var walked = reader.position
        for _ in 0..<passageCount {
            starts.append(reader.position)
            try reader.skipPassage()
            if releasing && reader.position - walked >= Self.releasedWalkBytes / 8 {
                FileBytes.releaseMapped(UnsafeBufferPointer(rebasing: bytes[walked..<reader.position]))
                walked = reader.position
            }
        }
        guard reader.position == bytes.count else {
            throw ReadError(message: reader.position > bytes.count ? "truncated columns" : "trailing bytes")
        }
        starts.append(reader.position)
        self.table = table
        self.bytes = bytes
        self.starts = starts
    }

    /// Decodes the passages of `range` in order: each without tokens, with its token columns.
    public func decode(
        _ range: Range<Int>, eachPassage body: (Passage, PassageTokenColumns) -> Void
    ) throws(TokenColumnsFile.ReadError) {
        guard let first = range.first else { return }
        var reader = TokenColumnsFile.Reader(bytes: bytes)
        reader.position = starts[first]
        for _ in range {
            let (passage, columns) = try reader.passage(formCount: table.count)
            body(passage, columns)
        }
        // Read once by the stages: a long document's file need not stay resident.
        FileBytes.releaseMapped(UnsafeBufferPointer(rebasing: bytes[starts[first]..<starts[range.upperBound]]))
    }
}
