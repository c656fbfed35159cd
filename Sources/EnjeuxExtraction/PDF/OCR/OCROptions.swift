/// When pages of a PDF are read by OCR.
package enum OCRMode: String, Codable, Sendable, Hashable, CaseIterable {
    /// Never: a scan gives no text (and a warning).
    case never
    /// Pages without text, or whose text layer fails `PDFTextLayerQuality`.
    case auto
    /// Every page, whatever its text layer.
    case always
}

/// How scanned PDF pages are read: Tesseract's languages, the rendering resolution and the
/// time allowed. `cacheKey` names what changes the text, so that a change of settings
/// extracts the PDFs again and nothing else does.
package struct OCROptions: Codable, Sendable, Hashable {
    package var mode: OCRMode
    /// Pixels per inch pages are rendered at before recognition.
    package var resolution: Int
    /// Tesseract's languages, the first one first (`fra`, `fra+eng`). French alone by default:
    /// on the French scans of the OCR benchmark (row 8) it reads as many words as French and
    /// English together, with a fifth less processor time (Tesseract tries the second
    /// language on every word the first reads poorly); `fra+eng` suits documents with English.
    package var languages: String
    /// Processor seconds allowed per page (the recognising thread's, so that a machine busy
    /// with other work neither cuts pages short nor changes the text); a page that takes longer
    /// keeps what was recognised by then, with a warning. (An isolated worker's document time
    /// limit is extended by this much each time a page is done: `WorkerProcess`.)
    package var pageTimeLimit: Double
    /// Pages recognised at once.
    package var threads: Int

    package static let defaultResolution = 300
    package static let defaultLanguages = "fra"
    package static let defaultPageTimeLimit = 60.0

    package init(
        mode: OCRMode = .auto, resolution: Int = defaultResolution, languages: String = defaultLanguages,
        pageTimeLimit: Double = defaultPageTimeLimit, threads: Int = 1
    ) {
        self.mode = mode
        self.resolution = resolution
        self.languages = languages
        self.pageTimeLimit = pageTimeLimit
        self.threads = max(1, threads)
    }

    /// The settings that change the text of a PDF, as one string for the extraction manifest:
    /// mode, resolution, languages, page time limit, Tesseract's version and the revision of
    /// Enjeux's own reading of a page (`PDFPageOCR.readingRevision`).
    package var cacheKey: String {
        "ocr=\(mode.rawValue) dpi=\(resolution) lang=\(languages) page-limit=\(Int(pageTimeLimit))cpu-s"
            + " tesseract=\(PDFPageOCR.engineVersion) reading=\(PDFPageOCR.readingRevision)"
    }
}
