import EnjeuxSupport
import Foundation

extension ExtractedDocument {
    /// Reads an extracted-document file without its text: the document whose pages have their
    /// numbers and labels but no blocks (`readBlocks` then hands the blocks over). With the two,
    /// a document of 20,000 pages or a web page of 200 MB is read in memory bounded by its
    /// largest block: the file is read twice, once for everything but the blocks (the identity
    /// and warnings follow the pages in the file, and a page's number follows its blocks),
    /// then for the blocks.
    public static func outline(jsonFile url: URL) throws -> ExtractedDocument {
        try readOutline(url)
    }

    /// Hands each block of the file to `body` in reading order, with its page (from `outline`,
    /// read from the same file) and its position on the page. When the file is malformed,
    /// `body` may already have seen some blocks.
    public static func readBlocks(
        jsonFile url: URL, outline document: ExtractedDocument, eachBlock body: (Page, Int, Block) throws -> Void
    ) throws {
        var scanner = try JSONFileScanner(url: url)
        try scanner.expect(UInt8(ascii: "{"), "expected an object")
        var first = true
        while try scanner.hasNext(first: first, closing: UInt8(ascii: "}")) {
            first = false
            guard try scanner.key() == "pages" else {
                try scanner.skipValue()
                continue
            }
            try scanner.expect(UInt8(ascii: "["), "expected an array of pages")
            var firstPage = true
            var pageIndex = 0
            while try scanner.hasNext(first: firstPage, closing: UInt8(ascii: "]")) {
                firstPage = false
                guard pageIndex < document.pages.count else { throw scanner.error("the pages changed while read") }
                try readBlocks(of: document.pages[pageIndex], from: &scanner, body)
                pageIndex += 1
            }
        }
    }

    /// The document with its pages' numbers and labels, every block skipped.
    private static func readOutline(_ url: URL) throws -> ExtractedDocument {
        var scanner = try JSONFileScanner(url: url)
        var document = ExtractedDocument.jsonBlank
        var seen: UInt64 = 0
        var sawPages = false
        try scanner.expect(UInt8(ascii: "{"), "expected an object")
        var first = true
        while try scanner.hasNext(first: first, closing: UInt8(ascii: "}")) {
            first = false
            let key = try scanner.key()
            if key == "pages" {
                guard !sawPages else { throw scanner.error("duplicate key pages") }
                sawPages = true
                document.pages = try readPageOutlines(from: &scanner)
                continue
            }
            let start = scanner.offset
            var value: [UInt8] = []
            try scanner.value(into: &value)
            _ = try JSONReader.read(value, at: start) { (reader: inout JSONReader) throws(JSONReadError) in
                if try !jsonMembers.read(key, into: &document, from: &reader, seen: &seen) { try reader.skipValue() }
            }
        }
        try scanner.finish()
        guard sawPages else { throw scanner.error("missing key pages") }
        let pagesIndex = UInt64(jsonMembers.firstIndex { $0.name == "pages" } ?? 0)
        try jsonMembers.checkRequired(seen | 1 << pagesIndex, reader: JSONReader(bytes: []))
        return document
    }

    private static func readPageOutlines(from scanner: inout JSONFileScanner) throws -> [Page] {
        var pages: [Page] = []
        try scanner.expect(UInt8(ascii: "["), "expected an array of pages")
        var first = true
        while try scanner.hasNext(first: first, closing: UInt8(ascii: "]")) {
            first = false
            var page = Page.jsonBlank
            var seen: UInt64 = 0
            try scanner.expect(UInt8(ascii: "{"), "expected a page object")
            var firstKey = true
            while try scanner.hasNext(first: firstKey, closing: UInt8(ascii: "}")) {
                firstKey = false
                let key = try scanner.key()
                if key == "blocks" {
                    try scanner.skipValue()
                    continue
                }
                let start = scanner.offset
                var value: [UInt8] = []
                try scanner.value(into: &value)
                _ = try JSONReader.read(value, at: start) { (reader: inout JSONReader) throws(JSONReadError) in
                    if try !Page.jsonMembers.read(key, into: &page, from: &reader, seen: &seen) {
                        try reader.skipValue()
                    }
                }
            }
            try Page.jsonMembers.checkRequired(seen, reader: JSONReader(bytes: []))
            pages.append(page)
        }
        return pages
    }

    /// Reads one page object, handing its blocks over one by one.
    private static func readBlocks(
        of page: Page, from scanner: inout JSONFileScanner, _ body: (Page, Int, Block) throws -> Void
    ) throws {
        try scanner.expect(UInt8(ascii: "{"), "expected a page object")
        var firstKey = true
        var value: [UInt8] = []
        while try scanner.hasNext(first: firstKey, closing: UInt8(ascii: "}")) {
            firstKey = false
            guard try scanner.key() == "blocks" else {
                try scanner.skipValue()
                continue
            }
            try scanner.expect(UInt8(ascii: "["), "expected an array of blocks")
            var first = true
            var position = 0
            while try scanner.hasNext(first: first, closing: UInt8(ascii: "]")) {
                first = false
                let start = scanner.offset
                value.removeAll(keepingCapacity: true)
                try scanner.value(into: &value)
                let block = try JSONReader.read(value, at: start) { (reader: inout JSONReader) throws(JSONReadError) in
                    try Block(from: &reader)
                }
                try body(page, position, block)
                position += 1
            }
        }
    }
}
