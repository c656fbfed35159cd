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

    /// Spaces collapsed, so running lines compare across pages.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Running header and footer pieces: the first and last non-empty layout line of each
    /// page, split into its columns (three or more spaces apart), kept when the same piece
    /// (digits included: "Chapitre 1" and "Chapitre 2" opening two chapters are headings,
    /// not a running line) is found at the top or bottom of at least `minimumPages` pages.
    /// Bare page numbers and one-word pieces are left out (a number or a lone word such as
    /// a big "CHAPITRE" opening each chapter cannot be told from body text or headings).
    /// The value is the index of the first page showing the piece.
    static func runningPieces(of pages: [String], minimumPages: Int = 3) -> [String: Int] {
        var counts: [String: Int] = [:]
        var firstPage: [String: Int] = [:]
        for (pageIndex, page) in pages.enumerated() {
            let lines = page.components(separatedBy: "\n").filter {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }
            var pieces = Set<String>()
            for line in [lines.first, lines.last].compactMap({ $0 }) {
                for piece in line.components(separatedBy: "   ") {
                    let key = collapsed(piece)
                    if key.contains(where: { $0.isLetter }), key.contains(" ") { pieces.insert(key) }
                }
            }
            for piece in pieces {
                counts[piece, default: 0] += 1
                if firstPage[piece] == nil { firstPage[piece] = pageIndex }
            }
        }
        return firstPage.filter { counts[$0.key, default: 0] >= minimumPages }
    }
}
