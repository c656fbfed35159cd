import CTesseract
import Foundation

/// One Tesseract engine with its language data loaded. Owns the `TessBaseAPI` and every
/// iterator, monitor and string Tesseract hands out; loading the data takes a fraction of a
/// second, so keep an engine for many pages.
///
/// Not thread-safe: use one engine per thread.
public final class OCREngine {
    private let handle: OpaquePointer
    /// The languages loaded, Tesseract's way (`fra+eng`).
    public let languages: String

    /// Loads `languages` from Tesseract's data folder (`TESSDATA_PREFIX`, or the one it was
    /// built with), with Tesseract's default engine mode and automatic page segmentation, as the
    /// `tesseract` command does without options.
    public init(languages: String) throws(OCRError) {
        guard let created = TessBaseAPICreate() else { throw .languagesUnavailable(languages: languages) }
        // Diagnostics ("Estimating resolution…") would otherwise go to the worker's stderr.
        _ = TessBaseAPISetVariable(created, "debug_file", "/dev/null")
        guard TessBaseAPIInit3(created, nil, languages) == 0 else {
            TessBaseAPIDelete(created)
            throw .languagesUnavailable(languages: languages)
        }
        TessBaseAPISetPageSegMode(created, PSM_AUTO)
        handle = created
        self.languages = languages
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Tesseract's version (`5.3.0`).
    public static var version: String {
        TessVersion().map { String(cString: $0) } ?? "unknown"
    }

    /// Processor seconds the calling thread has used (`CLOCK_THREAD_CPUTIME_ID`).
    public static func threadProcessorSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Recognises an image rendered at `resolution` pixels per inch: words with boxes and
    /// confidences, grouped in lines, paragraphs and blocks by Tesseract's layout analysis.
    /// `timeLimit` is in processor seconds of the calling thread (recognition runs on it when
    /// OpenMP is limited to one thread, `OMP_THREAD_LIMIT=1`), so that a loaded machine does not cut
    /// pages short and the text does not depend on the load: past it, Tesseract stops at the
    /// next word and the words found by then are returned. `layout` is `.page` for a whole page
    /// (Tesseract's automatic segmentation) or `.block` for one block of text, such as a table cell.
    public func recognize(
        _ image: OCRGrayImage, resolution: Int, timeLimit: Double?, layout: OCRLayout = .page
    ) throws(OCRError) -> OCRPageResult {
        guard image.width > 0, image.height > 0, image.pixels.count == image.width * image.height,
            image.width < Int(Int32.max) / 4
        else { throw .invalidImage(width: image.width, height: image.height) }
        defer { TessBaseAPIClear(handle) }
        TessBaseAPISetPageSegMode(handle, layout == .block ? PSM_SINGLE_BLOCK : PSM_AUTO)
        image.pixels.withUnsafeBufferPointer { pixels in
            TessBaseAPISetImage(
                handle, pixels.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(handle, Int32(resolution))

        guard let monitor = TessMonitorCreate() else { throw .recognitionFailed }
        defer { TessMonitorDelete(monitor) }
        let budget = UnsafeMutablePointer<ProcessorBudget>.allocate(capacity: 1)
        defer { budget.deallocate() }
        budget.initialize(
            to: ProcessorBudget(
                deadline: timeLimit.map { Self.threadProcessorSeconds() + $0 } ?? .infinity, exceeded: false))
        TessMonitorSetCancelThis(monitor, budget)
        // Tesseract asks before each word whether to stop.
        TessMonitorSetCancelFunc(monitor) { context, _ in
            guard let budget = context?.assumingMemoryBound(to: ProcessorBudget.self) else { return false }
            if OCREngine.threadProcessorSeconds() >= budget.pointee.deadline { budget.pointee.exceeded = true }
            return budget.pointee.exceeded
        }
        let status = TessBaseAPIRecognize(handle, monitor)
        let timedOut = budget.pointee.exceeded
        guard status == 0 || timedOut else { throw .recognitionFailed }
        return OCRPageResult(lines: readLines(), timedOut: timedOut)
    }

    /// Walks the results word by word, starting a line, paragraph or block where Tesseract's
    /// page iterator says one begins.
    private func readLines() -> [OCRLine] {
        guard let iterator = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        guard let page = TessResultIteratorGetPageIterator(iterator) else { return [] }
        var lines: [OCRLine] = []
        var paragraph = -1
        var block = -1
        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_BLOCK) != 0 { block += 1 }
            if TessPageIteratorIsAtBeginningOf(page, RIL_PARA) != 0 { paragraph += 1 }
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 || lines.isEmpty {
                let box = Self.box(page, RIL_TEXTLINE) ?? OCRBox(left: 0, top: 0, right: 0, bottom: 0)
                lines.append(
                    OCRLine(
                        words: [], box: box, ascent: Self.ascent(page, lineTop: box.top),
                        paragraph: max(paragraph, 0), block: max(block, 0)))
            }
            guard let box = Self.box(page, RIL_WORD), let text = Self.takeText(iterator, RIL_WORD) else { continue }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD))
            lines[lines.count - 1].words.append(OCRWord(text: trimmed, box: box, confidence: confidence))
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        return lines.filter { !$0.words.isEmpty }
    }

    private static func box(_ page: OpaquePointer, _ level: TessPageIteratorLevel) -> OCRBox? {
        var left: Int32 = 0
        var top: Int32 = 0
        var right: Int32 = 0
        var bottom: Int32 = 0
        guard TessPageIteratorBoundingBox(page, level, &left, &top, &right, &bottom) != 0 else { return nil }
        return OCRBox(left: Int(left), top: Int(top), right: Int(right), bottom: Int(bottom))
    }

    /// The line's baseline below its top, where Tesseract gives a baseline.
    private static func ascent(_ page: OpaquePointer, lineTop: Int) -> Int? {
        var x1: Int32 = 0
        var y1: Int32 = 0
        var x2: Int32 = 0
        var y2: Int32 = 0
        guard TessPageIteratorBaseline(page, RIL_TEXTLINE, &x1, &y1, &x2, &y2) != 0 else { return nil }
        let baseline = (Int(y1) + Int(y2)) / 2
        return baseline > lineTop ? baseline - lineTop : nil
    }

    /// Copies a string Tesseract allocated and frees it.
    private static func takeText(_ iterator: OpaquePointer, _ level: TessPageIteratorLevel) -> String? {
        guard let pointer = TessResultIteratorGetUTF8Text(iterator, level) else { return nil }
        defer { TessDeleteText(pointer) }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    }
}

/// The processor time a recognition may use, shared with Tesseract's cancel callback.
private struct ProcessorBudget {
    /// `OCREngine.threadProcessorSeconds()` past which recognition stops.
    var deadline: Double
    var exceeded: Bool
}
