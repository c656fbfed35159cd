import EnjeuxModel
import Foundation

/// Decides which pages of a PDF are read by OCR (`OCRMode`, `PDFTextLayerQuality`), reads them
/// (`PDFPageOCR`) and puts their lines in place of the text layer's. A document with good and
/// bad pages keeps its good pages as they are.
///
/// The extractor judges each page as poppler reads it (`verdict(for:page:warnings:)`), then
/// `run` reads the chosen pages by batches, so that a long document's OCR lines are handed
/// over as they come rather than all held at once.
struct PDFOCRPass: Sendable {
    var options: OCROptions
    var password: String?
    var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    var words: PDFKnownWords = .shared

    /// Pages recognised per batch (several threads share a batch).
    static let batchSize = 64

    /// How each page's text was obtained.
    struct Origin: Sendable, Hashable {
        var source: TextSource
        var confidence: Double?
    }

    /// Why a page is to be read by OCR, nil when its text layer stays. With OCR off, a garbled
    /// page gets its warning here.
    func verdict(
        for lines: [PDFTextLine], page index: Int, warnings: inout [DocumentWarning]
    ) -> PDFTextLayerQuality.Verdict? {
        switch options.mode {
        case .never:
            if PDFTextLayerQuality.assess(lines, words: words) == .garbled {
                warnings.append(.unusableTextLayer(page: index + 1))
            }
            return nil
        case .auto:
            let verdict = PDFTextLayerQuality.assess(lines, words: words)
            return verdict == .usable ? nil : verdict
        case .always:
            return .empty
        }
    }

    /// Reads the pages of `verdicts` (0-based) by OCR and hands each page whose OCR lines are
    /// kept to `replace`; returns the origin of each of the `pageCount` pages. `emptyLayers`
    /// holds the pages whose text layer has no line.
    func run(
        verdicts: [Int: PDFTextLayerQuality.Verdict], emptyLayers: Set<Int>, pageCount: Int, source: PDFSource,
        warnings: inout [DocumentWarning], replace: (_ page: Int, _ lines: [PDFTextLine]) -> Void
    ) -> [Origin] {
        var origins = Array(repeating: Origin(source: .pdf, confidence: nil), count: pageCount)
        let chosen = verdicts.keys.sorted()
        guard !chosen.isEmpty else { return origins }
        let reader = PDFPageOCR(options: options, password: password, progress: progress)
        var start = 0
        while start < chosen.count {
            let batch = Array(chosen[start..<min(start + Self.batchSize, chosen.count)])
            let results: [Int: PDFOCRPage]
            do {
                results = try reader.recognize(pages: batch, of: source, doneBefore: start, total: chosen.count)
            } catch {
                // Only the first batch can fail this way (the language data is missing).
                if case .languagesUnavailable(let languages) = error {
                    warnings.append(.ocrUnavailable(languages: languages))
                }
                for index in chosen[start...] where verdicts[index] == .garbled {
                    warnings.append(.unusableTextLayer(page: index + 1))
                }
                return origins
            }
            for index in batch {
                guard let verdict = verdicts[index], let result = results[index] else { continue }
                switch result.outcome {
                case .notRendered:
                    warnings.append(.unreadablePage(index + 1))
                    continue
                case .timedOut:
                    warnings.append(.ocrPageTimedOut(page: index + 1, seconds: Int(options.pageTimeLimit.rounded())))
                case .recognized:
                    break
                }
                let keep: Bool
                switch verdict {
                case .doubtful(let share):
                    keep = PDFTextLayerQuality.ocrIsBetter(result.lines, than: share, words: words)
                case .empty:
                    // `always` reads every page; a page without text keeps an empty layer.
                    keep = !result.lines.isEmpty || emptyLayers.contains(index)
                case .garbled, .usable:
                    keep = true
                }
                if keep {
                    replace(index, result.lines)
                    origins[index] = Origin(source: .ocr, confidence: result.lines.isEmpty ? nil : result.confidence)
                } else if verdict == .garbled {
                    warnings.append(.unusableTextLayer(page: index + 1))
                }
            }
            start += batch.count
        }
        return origins
    }
}
