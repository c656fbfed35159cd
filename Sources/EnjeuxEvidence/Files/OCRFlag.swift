/// The warning shown with a passage whose text was read by OCR: the reader must check the
/// quote against the page before citing it. One wording for every output (`index.html`, the
/// Markdown files, the CSV files, `evidence.xlsx`, `evidence.jsonl`'s `ocr`, read by briefs).
enum OCRFlag {
    /// « texte reconnu par OCR, confiance 91 % — vérifier la citation » (the confidence rounded
    /// to a whole percent, a narrow no-break space before %).
    static func text(confidence: Double) -> String {
        let percent = Int(confidence.rounded())
        return "texte reconnu par OCR, confiance \(percent)\u{202F}% — vérifier la citation"
    }

    /// The flag of an entry; nil when its text did not come from OCR.
    static func text(of entry: EvidenceEntry) -> String? {
        entry.ocrConfidence.map(text(confidence:))
    }
}
