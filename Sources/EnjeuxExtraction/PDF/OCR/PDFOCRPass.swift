import EnjeuxModel
import Foundation

/// Decides which pages of a PDF are read by OCR (`OCRMode`, `PDFTextLayerQuality`), reads them
/// (`PDFPageOCR`) and puts their lines in place of the text layer's. A document with good and
/// bad pages keeps its good pages as they are.
struct PDFOCRPass: Sendable {
    var options: OCROptions
    var password: String?
    var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    var words: PDFKnownWords = .shared

    /// How each page's text was obtained.
    struct Origin: Sendable, Hashable {
        var source: TextSource
        var confidence: Double?
    }

    /// Replaces the lines of the pages OCR reads better; returns each page's origin.
    /// `unreadable` holds the 0-based pages poppler could not load (never OCRed).
    func run(
        on pages: inout [[PDFTextLine]], unreadable: Set<Int>, data: Data, warnings: inout [DocumentWarning]
    ) -> [Origin] {
        var origins = Array(repeating: Origin(source: .pdf, confidence: nil), count: pages.count)
        var verdicts: [Int: PDFTextLayerQuality.Verdict] = [:]
        for index in pages.indices where !unreadable.contains(index) {
            switch options.mode {
            case .never:
                if PDFTextLayerQuality.assess(pages[index], words: words) == .garbled {
                    warnings.append(.unusableTextLayer(page: index + 1))
                }
            case .auto:
                let verdict = PDFTextLayerQuality.assess(pages[index], words: words)
                if verdict != .usable { verdicts[index] = verdict }
            case .always:
                verdicts[index] = .empty
            }
        }
        guard !verdicts.isEmpty else { return origins }

        let reader = PDFPageOCR(options: options, password: password, progress: progress)
        let results: [Int: PDFOCRPage]
        do {
            results = try reader.recognize(pages: verdicts.keys.sorted(), of: data)
        } catch {
            if case .languagesUnavailable(let languages) = error {
                warnings.append(.ocrUnavailable(languages: languages))
            }
            for (index, verdict) in verdicts.sorted(by: { $0.key < $1.key }) where verdict == .garbled {
                warnings.append(.unusableTextLayer(page: index + 1))
            }
            return origins
        }

        for index in verdicts.keys.sorted() {
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
            let replace: Bool
            switch verdict {
            case .doubtful(let share):
                replace = PDFTextLayerQuality.ocrIsBetter(result.lines, than: share, words: words)
            case .empty:
                // `always` reads every page; a page without text keeps an empty layer.
                replace = !result.lines.isEmpty || pages[index].isEmpty
            case .garbled, .usable:
                replace = true
            }
            if replace {
                pages[index] = result.lines
                origins[index] = Origin(source: .ocr, confidence: result.lines.isEmpty ? nil : result.confidence)
            } else if verdict == .garbled {
                warnings.append(.unusableTextLayer(page: index + 1))
            }
        }
        return origins
    }
}
