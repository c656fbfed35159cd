import EnjeuxSupport

/// The lines of every page of a PDF between the extractor's passes over the document, in a
/// compact encoding (text as UTF-8, geometry as raw doubles) kept in a `ScratchFile`: a long
/// document's lines go to a temporary file instead of memory, and each pass decodes one page
/// at a time. Poppler reads each page once; the passes that need the whole document (running
/// headers, body size, hyphenation, heading levels) read the pages back from here.
final class PDFPageStore {
    /// A document of a few hundred pages stays in memory (the 1,000-page test PDF takes 6 MB).
    private let scratch = ScratchFile(memoryLimit: 8 << 20)
    private var ranges: [Range<Int>] = []
    private var buffer: [UInt8] = []

    var pageCount: Int { ranges.count }

    func append(_ lines: [PDFTextLine]) {
        buffer.removeAll(keepingCapacity: true)
        for line in lines {
            var text = String(String.UnicodeScalarView(line.scalars))
            text.withUTF8 { utf8 in
                put(UInt64(utf8.count))
                buffer.append(contentsOf: utf8)
            }
            for value in [line.x1, line.y1, line.x2, line.y2, line.fontSize] { put(value.bitPattern) }
            put(UInt64(bitPattern: Int64(line.fontKey)))
            put(UInt64(bitPattern: Int64(line.order)))
            put(UInt64(bitPattern: Int64(line.ocrParagraph ?? 0)))
            buffer.append(
                (line.isBold ? 1 : 0) | (line.endsWithSoftHyphen ? 2 : 0) | (line.ocrParagraph != nil ? 4 : 0))
        }
        ranges.append(scratch.append(buffer))
    }

    /// The lines of the page at a 0-based index, as appended.
    func lines(at index: Int) throws(FileReadError) -> [PDFTextLine] {
        let bytes = try scratch.read(ranges[index])
        var lines: [PDFTextLine] = []
        var position = 0
        func take() -> UInt64 {
            var value: UInt64 = 0
            for shift in 0..<8 { value |= UInt64(bytes[position + shift]) << (8 * UInt64(shift)) }
            position += 8
            return value
        }
        while position < bytes.count {
            let length = Int(take())
            let scalars = Array(String(decoding: bytes[position..<(position + length)], as: UTF8.self).unicodeScalars)
            position += length
            let x1 = Double(bitPattern: take())
            let y1 = Double(bitPattern: take())
            let x2 = Double(bitPattern: take())
            let y2 = Double(bitPattern: take())
            let fontSize = Double(bitPattern: take())
            let fontKey = Int(Int64(bitPattern: take()))
            let order = Int(Int64(bitPattern: take()))
            let paragraph = Int(Int64(bitPattern: take()))
            let flags = bytes[position]
            position += 1
            lines.append(
                PDFTextLine(
                    scalars: scalars, x1: x1, y1: y1, x2: x2, y2: y2, fontSize: fontSize, isBold: flags & 1 != 0,
                    fontKey: fontKey, endsWithSoftHyphen: flags & 2 != 0, order: order,
                    ocrParagraph: flags & 4 != 0 ? paragraph : nil))
        }
        return lines
    }

    private func put(_ value: UInt64) {
        for shift in 0..<8 { buffer.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(shift)))) }
    }
}
