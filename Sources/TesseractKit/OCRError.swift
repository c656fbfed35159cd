/// Why Tesseract could not read an image.
public enum OCRError: Error, Sendable, Hashable {
    /// The language data could not be loaded (not installed, or TESSDATA_PREFIX wrong).
    case languagesUnavailable(languages: String)
    /// The image is empty or too large to hand to Tesseract.
    case invalidImage(width: Int, height: Int)
    /// Recognition failed for another reason.
    case recognitionFailed
}
