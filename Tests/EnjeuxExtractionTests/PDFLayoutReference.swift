import Foundation

/// `pdftotext -layout` (poppler-utils) as an independent reference for the PDF tests.
enum PDFLayoutReference {
    static let executable = "/usr/bin/pdftotext"

    /// True when poppler-utils is installed.
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// The layout text of every page (pages split on form feeds).
    static func pages(of url: URL) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var pages = String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// Digits replaced by `#` and spaces collapsed, so running lines compare across pages.
    static func furnitureKey(_ text: String) -> String {
        let digitless = String(text.map { $0.isNumber ? "#" : $0 })
        return digitless.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Running header and footer pieces: the first and last non-empty layout line of each
    /// page, split into its columns (three or more spaces apart), kept when the same piece
    /// (digits normalised) is found at the top or bottom of at least `minimumPages` pages.
    /// Bare page numbers are left out (a number alone cannot be told from body text).
    static func runningPieces(of pages: [String], minimumPages: Int = 3) -> Set<String> {
        var counts: [String: Int] = [:]
        for page in pages {
            let lines = page.components(separatedBy: "\n").filter {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }
            var pieces = Set<String>()
            for line in [lines.first, lines.last].compactMap({ $0 }) {
                for piece in line.components(separatedBy: "   ") {
                    let key = furnitureKey(piece)
                    if key.contains(where: { $0.isLetter }) { pieces.insert(key) }
                }
            }
            for piece in pieces { counts[piece, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= minimumPages }.keys)
    }
}
