import EnjeuxModel

/// The blocks of a Markdown text, from its lines: ATX (`## Titre`) and setext (underlined)
/// headings, paragraphs, list items (`-`, `*`, `+`, `1.`, `1)`), block quotes (`>`), the cells
/// of pipe tables, fenced code (a paragraph of its lines); thematic breaks, HTML comments and
/// link reference definitions are left out. Footnote definitions (`[^1]: …`, with their
/// indented continuation lines) are collected apart. Form feeds are page breaks.
struct MarkdownBlocks {
    enum Item: Equatable {
        /// A block with its raw inline text (markup still in it).
        case block(BlockKind, level: Int?, text: String)
        case pageBreak
    }

    private(set) var items: [Item] = []
    /// Footnote definitions by id, raw inline text.
    private(set) var notes: [String: String] = [:]
    /// The ids of the definitions, in the order they were written.
    private(set) var noteOrder: [String] = []

    private var open: (kind: BlockKind, text: String)?

    init(lines: some Collection<TextLines.Line>) {
        var fence: Substring?
        var inComment = false
        var note: String?
        for line in lines {
            guard case .text(let raw) = line else {
                close()
                note = nil
                items.append(.pageBreak)
                continue
            }
            if let marker = fence {
                if raw.drop(while: { $0 == " " }).hasPrefix(marker) {
                    fence = nil
                    close()
                } else {
                    appendLine(raw, as: .paragraph, separator: "\n")
                }
                continue
            }
            if inComment {
                if raw.contains("-->") { inComment = false }
                continue
            }
            if let id = note {
                if TextLines.isBlank(raw) { continue }
                if raw.hasPrefix("  ") || raw.hasPrefix("\t") {
                    notes[id, default: ""] += " " + raw
                    continue
                }
                note = nil
            }
            let line = Self.indentDropped(raw)
            if TextLines.isBlank(line) {
                close()
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                close()
                fence = line.prefix(3)
                open = (.paragraph, "")
                continue
            }
            if line.hasPrefix("<!--") {
                if !line.contains("-->") { inComment = true }
                continue
            }
            if let (id, text) = Self.noteDefinition(line) {
                close()
                if notes[id] == nil { noteOrder.append(id) }
                notes[id] = String(text)
                note = id
                continue
            }
            if Self.isReferenceDefinition(line) { continue }
            if let (level, text) = Self.atxHeading(line) {
                close()
                items.append(.block(.heading, level: level, text: String(text)))
                continue
            }
            if let level = Self.setextLevel(line), let paragraph = open, paragraph.kind == .paragraph {
                open = nil
                items.append(.block(.heading, level: level, text: paragraph.text))
                continue
            }
            if Self.isThematicBreak(line) {
                close()
                continue
            }
            if line.hasPrefix(">") {
                let text = line.dropFirst().drop(while: { $0 == " " })
                if TextLines.isBlank(text) {
                    close()
                } else {
                    if open?.kind != .quote { close() }
                    appendLine(text, as: .quote)
                }
                continue
            }
            if line.hasPrefix("|") {
                close()
                if !Self.isTableSeparator(line) {
                    for cell in Self.cells(line) { items.append(.block(.tableCell, level: nil, text: String(cell))) }
                }
                continue
            }
            if let text = TextLines.listItemText(line) {
                close()
                open = (.listItem, String(text))
                continue
            }
            appendLine(line, as: open?.kind ?? .paragraph)
        }
        close()
    }

    private mutating func appendLine(_ line: Substring, as kind: BlockKind, separator: String = " ") {
        if let current = open, current.kind == kind {
            open?.text += (current.text.isEmpty ? "" : separator) + line
        } else {
            close()
            open = (kind, String(line))
        }
    }

    private mutating func close() {
        if let block = open { items.append(.block(block.kind, level: nil, text: block.text)) }
        open = nil
    }

    /// The line without up to three leading spaces.
    static func indentDropped(_ line: Substring) -> Substring {
        var result = line
        var dropped = 0
        while dropped < 3, result.first == " " {
            result = result.dropFirst()
            dropped += 1
        }
        return result
    }

    static func atxHeading(_ line: Substring) -> (Int, Substring)? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingTrailingSpaces
        while text.last == "#" { text = text.dropLast() }
        return (hashes, text.drop(while: { $0 == " " || $0 == "\t" }))
    }

    static func setextLevel(_ line: Substring) -> Int? {
        let trimmed = line.trimmingTrailingSpaces
        guard let first = trimmed.first, first == "=" || first == "-", trimmed.allSatisfy({ $0 == first }) else {
            return nil
        }
        return first == "=" ? 1 : 2
    }

    static func isThematicBreak(_ line: Substring) -> Bool {
        let marks = line.filter { $0 != " " && $0 != "\t" }
        guard marks.count >= 3, let first = marks.first, "-*_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    static func noteDefinition(_ line: Substring) -> (String, Substring)? {
        guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]") else { return nil }
        let after = line[line.index(after: close)...]
        guard after.hasPrefix(":") else { return nil }
        let id = line[line.index(line.startIndex, offsetBy: 2)..<close]
        guard !id.isEmpty else { return nil }
        return (String(id), after.dropFirst().drop(while: { $0 == " " || $0 == "\t" }))
    }

    static func isReferenceDefinition(_ line: Substring) -> Bool {
        guard line.hasPrefix("["), !line.hasPrefix("[^"), let close = line.firstIndex(of: "]") else { return false }
        return line[line.index(after: close)...].hasPrefix(":")
    }

    static func isTableSeparator(_ line: Substring) -> Bool {
        line.allSatisfy { "|-: \t".contains($0) } && line.contains("-")
    }

    /// The cells of a pipe-table row (`\|` is a pipe inside a cell), empty ones left out.
    static func cells(_ line: Substring) -> [Substring] {
        var cells: [Substring] = []
        var start = line.startIndex
        var index = line.startIndex
        var escaped = false
        while index < line.endIndex {
            let character = line[index]
            if character == "|", !escaped {
                cells.append(line[start..<index])
                start = line.index(after: index)
            }
            escaped = character == "\\" && !escaped
            index = line.index(after: index)
        }
        cells.append(line[start...])
        return cells.map { $0.drop(while: { $0 == " " }).trimmingTrailingSpaces }.filter { !$0.isEmpty }
    }
}
