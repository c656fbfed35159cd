import EnjeuxModel
import Foundation
import LibXMLKit

/// Extracts a web page too large to hold with its tree (beyond 64 MB) by pieces: the file is
/// read a megabyte at a time into libxml2's push parser (`HTMLPushParser`), whose tree comes
/// back in segments of about `segmentTextBytes` of text, cut between blocks; each segment's main
/// text is found and collected as for a whole page (`HTMLExtractor`), and its blocks are handed
/// to the sink as one page, block by block. The metadata come from the first segment (the
/// head). Memory grows with a segment, not with the page.
///
/// Only a page in UTF-8 is read this way (`canStream`); bytes that are not valid UTF-8 become
/// U+FFFD, as NUL bytes do. Unlike the whole page, a segment without main text gives no block
/// (no fallback to the visible text).
package struct HTMLStreamExtractor: Sendable {
    /// Text per segment, by default.
    package static let defaultSegmentTextBytes = 4 << 20
    static let chunkBytes = 1 << 20

    /// About this much text is analysed at a time.
    package var segmentTextBytes: Int

    package init(segmentTextBytes: Int = defaultSegmentTextBytes) {
        self.segmentTextBytes = segmentTextBytes
    }

    /// True when the page's first bytes say it is UTF-8 (a byte-order mark, a declaration or
    /// content that reads as UTF-8).
    package static func canStream(head: Data) -> Bool {
        head.withUnsafeBytes { raw in
            // The head may end inside a character: only whole characters are looked at.
            let bytes = raw.bindMemory(to: UInt8.self)
            return HTMLEncodingDetector.decide(UTF8Pieces.wholeCharacters(bytes)).encoding == .utf8
        }
    }

    /// Extracts the page in the file at `url` into `sink`; returns the warnings.
    package func extract(
        fileAt url: URL, into sink: inout some ExtractedPageSink
    ) throws(ExtractionFailure) -> [DocumentWarning] {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .unreadable(detail: error.localizedDescription)
        }
        defer { try? handle.close() }
        let parser: HTMLPushParser
        do {
            parser = try HTMLPushParser(segmentTextBytes: segmentTextBytes)
        } catch {
            throw .notHTML
        }
        var state = State()
        var pieces = UTF8Pieces()
        var total = 0
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: Self.chunkBytes) ?? Data()
            } catch {
                throw .unreadable(detail: error.localizedDescription)
            }
            if chunk.isEmpty { break }
            total += chunk.count
            if total > HTMLExtractor.maximumByteCount {
                let limit = HTMLExtractor.maximumByteCount / 1_048_576
                throw .overLimit(content: .html, megabytes: total / 1_048_576, limitMegabytes: limit)
            }
            if state.warnings == nil {
                state.warnings = chunk.withUnsafeBytes { raw in
                    HTMLEncodingDetector.decide(UTF8Pieces.wholeCharacters(raw.bindMemory(to: UInt8.self))).warnings
                }
            }
            let text = pieces.next(chunk)
            let segments = text.withUnsafeBufferPointer { parser.feed($0) }
            for segment in segments { take(segment, state: &state, into: &sink) }
        }
        if total == 0 { throw .emptyFile }
        let rest = pieces.finish()
        var segments = rest.withUnsafeBufferPointer { parser.feed($0) }
        segments += parser.finish()
        for segment in segments { take(segment, state: &state, into: &sink) }
        if !state.began { begin(metadata: DocumentMetadata(), state: &state, into: &sink) }
        sink.endPage()
        var warnings = state.warnings ?? []
        if let depth = state.cutAtDepth { warnings.append(.nestingTooDeep(depth: depth)) }
        if state.blocks == 0 { warnings.append(.noMainContent) }
        return warnings
    }

    /// What the segments seen so far have given.
    private struct State {
        var began = false
        var blocks = 0
        var cutAtDepth: Int?
        var warnings: [DocumentWarning]?
    }

    private func take(_ segment: HTMLParseResult, state: inout State, into sink: inout some ExtractedPageSink) {
        let tree = segment.tree
        let structured = HTMLStructuredData(tree: tree)
        let content = HTMLContentLocator.locate(in: tree, articleBody: structured.articleBody)
        if !state.began {
            let metadata = HTMLMetadataReader.read(
                tree: tree, content: content, structured: structured, head: HTMLHeadFields(tree: tree))
            begin(metadata: metadata, state: &state, into: &sink)
        }
        if let depth = segment.cutAtDepth { state.cutAtDepth = depth }
        for block in HTMLBlockCollector(tree: tree, removed: content.removed).blocks(from: content.roots) {
            sink.appendBlock(block)
            state.blocks += 1
        }
    }

    private func begin(metadata: DocumentMetadata, state: inout State, into sink: inout some ExtractedPageSink) {
        sink.begin(format: .html, metadata: metadata)
        sink.beginPage(Page(number: 1, blocks: []))
        state.began = true
    }
}
