/// Where each Unicode scalar of a text starts in its UTF-8 bytes, so that many slices given in
/// scalar offsets (as token positions are) cost one pass over the text instead of one each.
struct ScalarOffsets {
    let text: String
    /// UTF-8 offset of each scalar, then the UTF-8 length.
    private let offsets: [Int]

    init(_ text: String) {
        self.text = text
        let length = text.utf8.count
        self.offsets = [Int](unsafeUninitializedCapacity: length + 1) { buffer, initialized in
            var count = 0
            var position = 0
            for byte in text.utf8 {
                if byte & 0xC0 != 0x80 {
                    buffer[count] = position
                    count += 1
                }
                position += 1
            }
            buffer[count] = position
            initialized = count + 1
        }
    }

    /// Number of Unicode scalars of the text.
    var count: Int { offsets.count - 1 }

    /// The scalars `start..<end` of the text, clamped to it (as `String.scalarSlice`).
    func slice(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, count))
        let upper = max(lower, min(end, count))
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: offsets[lower])
        let to = utf8.index(utf8.startIndex, offsetBy: offsets[upper])
        return String(text.unicodeScalars[from..<to])
    }
}
