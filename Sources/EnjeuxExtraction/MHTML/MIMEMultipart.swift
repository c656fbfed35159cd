/// The parts of a `multipart/*` body (RFC 2046 §5.1), as byte ranges: each part's headers
/// and body, without the line break that belongs to the next delimiter. The preamble and
/// the epilogue are skipped; a body that ends without its closing delimiter (`--boundary--`)
/// ends its last part at the end of the bytes.
package struct MIMEMultipart: Sendable, Hashable {
    /// Byte ranges of the parts, in order.
    package var parts: [Range<Int>]
    /// True when the closing delimiter was found.
    package var isClosed: Bool
    /// True when reading stopped at the part limit, with parts left unread.
    package var reachedPartLimit: Bool

    /// Splits `range` of `bytes` at the delimiter lines of `boundary`.
    package static func split(
        _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, boundary: String, limits: MIMELimits
    ) throws(MIMEError) -> MIMEMultipart {
        guard !boundary.isEmpty else { throw .noBoundary }
        let delimiter = Array("--\(boundary)".utf8)
        let finder = DelimiterFinder(bytes: bytes, range: range, delimiter: delimiter)
        guard var cursor = finder.next(from: range.lowerBound) else { throw .boundaryNotFound(boundary) }
        var result = MIMEMultipart(parts: [], isClosed: false, reachedPartLimit: false)
        while true {
            let afterDelimiter = cursor + delimiter.count
            if finder.isClosing(at: afterDelimiter) {
                result.isClosed = true
                break
            }
            guard result.parts.count < limits.parts else {
                result.reachedPartLimit = true
                break
            }
            // Transport padding after the delimiter, then its line break.
            let partStart =
                ByteSearch.index(of: ByteSearch.lineFeed, in: bytes, from: afterDelimiter, to: range.upperBound)
                .map { $0 + 1 } ?? range.upperBound
            guard let next = finder.next(from: partStart) else {
                result.parts.append(partStart..<range.upperBound)
                break
            }
            var partEnd = next
            if partEnd > partStart, bytes[partEnd - 1] == ByteSearch.lineFeed { partEnd -= 1 }
            if partEnd > partStart, bytes[partEnd - 1] == ByteSearch.carriageReturn { partEnd -= 1 }
            result.parts.append(partStart..<partEnd)
            cursor = next
        }
        return result
    }
}

/// Finds delimiter lines: `--boundary` at the start of a line, followed by `--`, white
/// space or the line's end (so that a boundary that prefixes a longer one does not match).
private struct DelimiterFinder {
    let bytes: UnsafeBufferPointer<UInt8>
    let range: Range<Int>
    let delimiter: [UInt8]

    /// The index of the next delimiter line at or after `start`, which must start a line.
    func next(from start: Int) -> Int? {
        var index = start
        while index < range.upperBound {
            let atLineStart = index == range.lowerBound || bytes[index - 1] == ByteSearch.lineFeed
            if atLineStart, ByteSearch.matches(delimiter, in: bytes, at: index, end: range.upperBound),
                endsDelimiter(at: index + delimiter.count)
            {
                return index
            }
            guard let lineFeed = ByteSearch.index(of: ByteSearch.lineFeed, in: bytes, from: index, to: range.upperBound)
            else { return nil }
            index = lineFeed + 1
        }
        return nil
    }

    /// True when the bytes after a delimiter end it: the end, `--`, white space or a line end.
    private func endsDelimiter(at index: Int) -> Bool {
        guard index < range.upperBound else { return true }
        switch bytes[index] {
        case ByteSearch.lineFeed, ByteSearch.carriageReturn, ByteSearch.space, ByteSearch.tab: return true
        case ByteSearch.hyphen: return isClosing(at: index)
        default: return false
        }
    }

    /// True when `--` follows the delimiter: the closing delimiter.
    func isClosing(at index: Int) -> Bool {
        index + 1 < range.upperBound && bytes[index] == ByteSearch.hyphen && bytes[index + 1] == ByteSearch.hyphen
    }
}
