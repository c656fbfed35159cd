/// Scalar offsets `start..<end` in a text.
struct ScalarRange {
    var start: Int
    var end: Int
}

/// Slices of a text given in Unicode scalar offsets (as token positions are), found in one
/// walk over its UTF-8 bytes rather than one walk or one table per slice.
enum ScalarSlices {
    /// The scalars `start..<end` of `text` for each range, clamped to the text (as
    /// `String.scalarSlice`), found in one walk over the text whatever the order of the
    /// ranges (those of several issues overlap).
    static func slices(of text: String, _ ranges: [ScalarRange]) -> [String] {
        if ranges.isEmpty { return [] }
        // Every bound, in increasing order: bound `2i` is the start of range `i`, `2i + 1` its end.
        var bounds: [Int] = []
        bounds.reserveCapacity(ranges.count * 2)
        var inOrder = true
        for range in ranges {
            let start = max(0, range.start)
            if let last = bounds.last, start < last { inOrder = false }
            bounds.append(start)
            bounds.append(max(start, range.end))
        }
        let slices = { (bytes: UnsafeBufferPointer<UInt8>) -> [String] in
            var walk = ScalarWalk()
            var byteOffsets = [Int](repeating: 0, count: bounds.count)
            if inOrder {
                for bound in bounds.indices { byteOffsets[bound] = walk.byteOffset(ofScalar: bounds[bound], in: bytes) }
            } else {
                for bound in bounds.indices.sorted(by: { bounds[$0] < bounds[$1] }) {
                    byteOffsets[bound] = walk.byteOffset(ofScalar: bounds[bound], in: bytes)
                }
            }
            return ranges.indices.map { index in
                let lower = byteOffsets[2 * index]
                let upper = max(lower, byteOffsets[2 * index + 1])
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
            }
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(slices) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(slices)
    }

    /// Turns increasing scalar offsets into UTF-8 offsets, walking forward through the bytes.
    private struct ScalarWalk {
        var byte = 0
        var scalar = 0

        /// The UTF-8 offset of scalar `target` (the end of the bytes when past it).
        mutating func byteOffset(ofScalar target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            while scalar < target && byte < bytes.count {
                byte += 1
                while byte < bytes.count && bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                scalar += 1
            }
            return byte
        }
    }
}
