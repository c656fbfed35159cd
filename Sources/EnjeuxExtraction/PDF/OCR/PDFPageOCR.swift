import EnjeuxSupport
import Foundation
import PopplerKit
import Synchronization
import TesseractKit

/// What OCR gave for one page.
struct PDFOCRPage: Sendable {
    enum Outcome: Sendable, Hashable {
        case recognized
        /// The page time limit stopped Tesseract: the lines are what it found by then.
        case timedOut
        /// Poppler could not render the page.
        case notRendered
    }

    var outcome: Outcome
    var lines: [PDFTextLine]
    /// Mean word confidence, 0–100, rounded to 0.1; nil without words.
    var confidence: Double?
}

/// Renders pages with poppler (cairo) and reads them with Tesseract, several pages at once:
/// each thread has its own poppler document and Tesseract engine (neither is thread-safe),
/// taken from a pool so that an engine loads its language data once per document. Tesseract's
/// own OpenMP threads are capped by `OMP_THREAD_LIMIT=1`, which `enjeux-extract` sets.
struct PDFPageOCR: Sendable {
    var options: OCROptions
    var password: String?
    /// Called after each page with the number of pages done and the number to do.
    var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// Tesseract's version, part of the OCR cache key.
    static let engineVersion = OCREngine.version
    /// Revision of how a page is read around Tesseract, part of the OCR cache key: raise it when
    /// the text of a page read by OCR changes (2: ruled tables read cell by cell).
    static let readingRevision = 2

    /// Why no page could be read at all.
    enum Failure: Error {
        case languagesUnavailable(String)
    }

    /// The pages at the given 0-based indices, by index. `progress` is told the pages done
    /// counting `doneBefore` pages of earlier calls, out of `total` (default: this call's).
    func recognize(
        pages indices: [Int], of source: PDFSource, doneBefore: Int = 0, total: Int? = nil
    ) throws(Failure) -> [Int: PDFOCRPage] {
        guard !indices.isEmpty else { return [:] }
        // The first engine is made here, so that missing language data fails once, clearly.
        let first: OCREngine
        do {
            first = try OCREngine(languages: options.languages)
        } catch {
            throw .languagesUnavailable(options.languages)
        }
        let firstBox = (try? source.open(password: password)).map {
            PageReaderBox(reader: $0, engine: first)
        }
        let pool = Mutex<[PageReaderBox]>(firstBox.map { [$0] } ?? [])
        let done = Atomic<Int>(doneBefore)
        let options = self.options
        let password = self.password
        let progress = self.progress
        let total = total ?? indices.count
        let results: [PDFOCRPage] = indices.parallelMap(workers: min(options.threads, indices.count)) { index in
            defer {
                let finished = done.add(1, ordering: .relaxed).newValue
                progress?(finished, total)
            }
            guard
                let box = pool.withLock({ $0.popLast() })
                    ?? PageReaderBox(source: source, options: options, password: password)
            else { return PDFOCRPage(outcome: .notRendered, lines: [], confidence: nil) }
            defer { pool.withLock { $0.append(box) } }
            return box.recognize(page: index, resolution: options.resolution, timeLimit: options.pageTimeLimit)
        }
        return Dictionary(uniqueKeysWithValues: zip(indices, results))
    }
}

/// One thread's poppler document and Tesseract engine.
private final class PageReaderBox: @unchecked Sendable {
    // Used by one thread at a time: the pool hands a box to a single page.
    private let reader: PDFDocumentReader
    private let engine: OCREngine

    init(reader: PDFDocumentReader, engine: OCREngine) {
        self.reader = reader
        self.engine = engine
    }

    convenience init?(source: PDFSource, options: OCROptions, password: String?) {
        guard let reader = try? source.open(password: password),
            let engine = try? OCREngine(languages: options.languages)
        else { return nil }
        self.init(reader: reader, engine: engine)
    }

    /// Below this mean word confidence, the page is also read turned by a half and quarter turns.
    static let orientationRetryConfidence = 60.0

    /// How well a result reads: the letters of its words recognised with a confidence of 60 or
    /// more, weighted by that confidence (fragments of misread text score little).
    static func readability(_ result: OCRPageResult) -> Double {
        var score = 0.0
        for line in result.lines {
            for word in line.words where word.confidence >= 60 {
                score += Double(word.text.unicodeScalars.filter(\.properties.isAlphabetic).count) * word.confidence
            }
        }
        return score
    }

    func recognize(page index: Int, resolution: Int, timeLimit: Double) -> PDFOCRPage {
        guard let image = reader.renderGray(pageAt: index, resolution: resolution) else {
            return PDFOCRPage(outcome: .notRendered, lines: [], confidence: nil)
        }
        let grey = OCRGrayImage(width: image.width, height: image.height, pixels: image.pixels)
        let start = OCREngine.threadProcessorSeconds()
        guard
            var result = try? PDFOCRTables.recognize(
                grey, resolution: image.resolution, timeLimit: timeLimit, engine: engine)
        else {
            return PDFOCRPage(outcome: .notRendered, lines: [], confidence: nil)
        }
        // Text drawn upside down or sideways (a page turned by /Rotate, a landscape table in a
        // portrait scan) reads as a few low-confidence fragments: the other orientations are
        // tried, within the page's processor time, and the one that reads best is kept.
        var best = Self.readability(result)
        if (result.meanConfidence ?? 0) < Self.orientationRetryConfidence && !result.timedOut {
            for turns in [2, 1, 3] {
                let spent = OCREngine.threadProcessorSeconds() - start
                guard spent < timeLimit / 2,
                    let turned = try? PDFOCRTables.recognize(
                        grey.rotated(quarterTurns: turns), resolution: image.resolution, timeLimit: timeLimit - spent,
                        engine: engine)
                else { break }
                let score = Self.readability(turned)
                if score > best {
                    best = score
                    result = turned
                }
            }
        }
        let confidence = result.meanConfidence.map { ($0 * 10).rounded() / 10 }
        return PDFOCRPage(
            outcome: result.timedOut ? .timedOut : .recognized,
            lines: PDFOCRLines.lines(of: result, resolution: image.resolution), confidence: confidence)
    }
}
