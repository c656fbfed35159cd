import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxExtraction

/// Helpers shared by the PDF tests that read ../shared.
enum PDFTestSupport {
    /// Reads a file of the shared folder.
    static func data(_ relativePath: String) throws -> Data {
        let url = try #require(SharedData.url(relativePath))
        return try Data(contentsOf: url)
    }

    /// Extracts a PDF of the shared folder.
    static func extract(_ relativePath: String, password: String? = nil) throws -> ExtractedContent {
        try PDFExtractor().extract(data: data(relativePath), options: ExtractionOptions(password: password))
    }

    /// The outcome of extracting a file: its content or its failure.
    static func outcome(_ relativePath: String, password: String? = nil) throws -> Result<
        ExtractedContent, ExtractionFailure
    > {
        let bytes = try data(relativePath)
        do {
            return .success(try PDFExtractor().extract(data: bytes, options: ExtractionOptions(password: password)))
        } catch {
            return .failure(error)
        }
    }

    /// Text for comparison: runs of ordinary spaces and line breaks collapsed to one space.
    /// Non-breaking spaces and typographic apostrophes are kept: quotes must match them.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Words (letters, digits, apostrophes and inner hyphens) of a text.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "-" || character == "’" || character == "'" {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-'’")) }.filter { !$0.isEmpty }
    }
}
