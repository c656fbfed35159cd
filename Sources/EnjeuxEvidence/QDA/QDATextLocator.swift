import EnjeuxSupport

/// Where passages are in a document's text, in Unicode code points (end exclusive).
enum QDATextLocator {
    /// Bytes of text searched at a time.
    static let windowSize = 4 << 20

    /// The span of each passage text in `text`, searched in the order given (the passages'
    /// order in the document) from the end of the previous one, then from the start when a
    /// passage comes earlier; nil for a passage the text does not contain (or when the text
    /// cannot be read back). The search runs on the UTF-8 bytes, a window at a time (a match
    /// of valid UTF-8 always starts and ends on a character), and the byte offsets found are
    /// turned into code points in one walk over the text.
    static func spans(
        of passages: [String], in text: QDASourceText, windowSize: Int = windowSize
    ) -> [Range<Int>?] {
        do throws(FileReadError) {
            var windows = Windows(text: text, size: windowSize)
            var cursor = 0
            var bytes: [Range<Int>?] = []
            for passage in passages {
                let needle = Array(passage.utf8)
                var start = try windows.find(needle, from: cursor, before: text.byteCount)
                if start == nil {
                    start = try windows.find(needle, from: 0, before: min(text.byteCount, cursor + needle.count - 1))
                }
                guard let start else {
                    bytes.append(nil)
                    continue
                }
                cursor = start + needle.count
                bytes.append(start..<cursor)
            }
            let scalars = try scalarOffsets(
                of: bytes.flatMap { $0.map { [$0.lowerBound, $0.upperBound] } ?? [] }, in: text, windowSize: windowSize)
            return bytes.map { $0.map { (scalars[$0.lowerBound] ?? 0)..<(scalars[$0.upperBound] ?? 0) } }
        } catch {
            return passages.map { _ in nil }
        }
    }

    /// The same in a text held as a string.
    static func spans(of passages: [String], in text: String) -> [Range<Int>?] {
        spans(of: passages, in: QDASourceText(text))
    }

    /// The code-point offset of each byte offset in `offsets` (all on character boundaries).
    static func scalarOffsets(
        of offsets: [Int], in text: QDASourceText, windowSize: Int
    ) throws(FileReadError) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var position = 0
        var scalars = 0
        var window: [UInt8] = []
        var windowStart = 0
        for offset in Set(offsets).sorted() {
            while position < offset && position < text.byteCount {
                if position >= windowStart + window.count {
                    windowStart = position
                    window = try text.bytes(position..<min(text.byteCount, position + max(1, windowSize)))
                }
                if window[position - windowStart] & 0xC0 != 0x80 { scalars += 1 }
                position += 1
            }
            result[offset] = scalars
        }
        return result
    }

    /// Reads the text a window at a time, keeping the last window read: passages are searched
    /// in their order, mostly within the window of the one before.
    struct Windows {
        let text: QDASourceText
        let size: Int
        private var window: [UInt8] = []
        private var windowStart = 0

        init(text: QDASourceText, size: Int) {
            self.text = text
            self.size = max(1, size)
        }

        /// The first occurrence of `needle` starting at or after `start` and ending by `limit`.
        mutating func find(_ needle: [UInt8], from start: Int, before limit: Int) throws(FileReadError) -> Int? {
            guard !needle.isEmpty else { return nil }
            var position = start
            while position + needle.count <= limit {
                if position < windowStart || position + needle.count > windowStart + window.count {
                    windowStart = position
                    window = try text.bytes(position..<min(text.byteCount, position + size + needle.count - 1))
                }
                let end = min(limit, windowStart + window.count)
                let found = window.withUnsafeBufferPointer { buffer in
                    QDATextLocator.find(
                        needle, in: UnsafeBufferPointer(rebasing: buffer[0..<(end - windowStart)]),
                        from: position - windowStart)
                }
                if let found { return windowStart + found }
                position = end - needle.count + 1
            }
            return nil
        }
    }

    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var position = start
        let last = haystack.count - needle.count
        while position <= last {
            if haystack[position] == first {
                var index = 1
                while index < needle.count && haystack[position + index] == needle[index] { index += 1 }
                if index == needle.count { return position }
            }
            position += 1
        }
        return nil
    }
}
