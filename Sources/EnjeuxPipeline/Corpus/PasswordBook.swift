import Foundation

/// Passwords for encrypted PDFs, read from `passwords.tsv` at the top of the corpus folder.
///
/// One document per line: the path relative to the corpus (or just the file name), a tab,
/// the password. Blank lines and lines starting with `#` are ignored. The file itself is
/// never extracted (it is not a `.pdf`/`.html`).
package struct PasswordBook: Sendable {
    package static let fileName = "passwords.tsv"
    private var byPath: [String: String] = [:]

    package init(entries: [String: String] = [:]) { byPath = entries }

    /// Reads the corpus's password file; an absent file gives an empty book.
    package static func load(corpus: URL) -> PasswordBook {
        let url = corpus.appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return PasswordBook() }
        return parse(text)
    }

    package static func parse(_ text: String) -> PasswordBook {
        var entries: [String: String] = [:]
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("#") { continue }
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let path = line[..<tab].trimmingCharacters(in: .whitespaces)
            let password = String(line[line.index(after: tab)...])
            if !path.isEmpty { entries[path] = password }
        }
        return PasswordBook(entries: entries)
    }

    /// The password for a document, by relative path first, then by file name.
    package func password(for relativePath: String) -> String? {
        if let exact = byPath[relativePath] { return exact }
        let name = (relativePath as NSString).lastPathComponent
        return byPath[name]
    }
}
