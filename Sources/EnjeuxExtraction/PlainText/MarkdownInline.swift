/// The text a reader sees of Markdown inline content: emphasis and strike-through marks,
/// code spans' backticks, links' brackets and addresses, images, inline HTML tags and
/// backslash escapes are removed; a footnote reference (`[^note]`) is taken out and its id
/// returned, so that the note can be placed after its block.
enum MarkdownInline {
    static func plain(_ source: String) -> (text: String, notes: [String]) {
        let characters = Array(source)
        var out = ""
        var notes: [String] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                if index + 1 < characters.count, characters[index + 1].isASCII,
                    characters[index + 1].isPunctuation
                        || characters[index + 1].isSymbol
                {
                    out.append(characters[index + 1])
                    index += 2
                } else {
                    out.append(character)
                    index += 1
                }
            case "`":
                let run = characters[index...].prefix(while: { $0 == "`" }).count
                if let close = find(run: run, of: "`", in: characters, from: index + run) {
                    out += String(characters[(index + run)..<close]).trimmingSingleSpaces
                    index = close + run
                } else {
                    out += String(repeating: "`", count: run)
                    index += run
                }
            case "!" where index + 1 < characters.count && characters[index + 1] == "[":
                if let (_, end) = link(characters, at: index + 1) {
                    index = end
                } else {
                    out.append(character)
                    index += 1
                }
            case "[":
                if index + 1 < characters.count, characters[index + 1] == "^",
                    let close = characters[(index + 2)...].firstIndex(of: "]"), close > index + 2
                {
                    notes.append(String(characters[(index + 2)..<close]))
                    index = close + 1
                } else if let (label, end) = link(characters, at: index) {
                    out += plain(label).text
                    index = end
                } else {
                    out.append(character)
                    index += 1
                }
            case "<":
                if let close = characters[(index + 1)...].firstIndex(of: ">"), close > index + 1,
                    !characters[(index + 1)..<close].contains(" ") || characters[index + 1] == "/"
                        || characters[index + 1].isLetter
                {
                    let inner = String(characters[(index + 1)..<close])
                    if inner.contains("://") || (inner.contains("@") && !inner.contains(" ")) {
                        out += inner
                    } else if inner.lowercased().hasPrefix("br") {
                        out += " "
                    }
                    index = close + 1
                } else {
                    out.append(character)
                    index += 1
                }
            case "*", "~":
                index += characters[index...].prefix(while: { $0 == character }).count
            case "_":
                let run = characters[index...].prefix(while: { $0 == "_" }).count
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + run < characters.count ? characters[index + run] : " "
                if before.isLetter || before.isNumber, after.isLetter || after.isNumber {
                    out += String(repeating: "_", count: run)
                }
                index += run
            default:
                out.append(character)
                index += 1
            }
        }
        return (out, notes)
    }

    /// A link or image at `start` (`[label](address "title")`, `[label][ref]`, `[label]`
    /// followed by neither is not one): its label and the index after it.
    private static func link(_ characters: [Character], at start: Int) -> (String, Int)? {
        guard characters[start] == "[" else { return nil }
        var depth = 0
        var close: Int?
        for position in start..<characters.count {
            if characters[position] == "[" { depth += 1 }
            if characters[position] == "]" {
                depth -= 1
                if depth == 0 {
                    close = position
                    break
                }
            }
        }
        guard let close, close + 1 < characters.count else { return nil }
        let label = String(characters[(start + 1)..<close])
        let opener = characters[close + 1]
        let closer: Character = opener == "(" ? ")" : opener == "[" ? "]" : " "
        guard closer != " ", let end = characters[(close + 2)...].firstIndex(of: closer) else { return nil }
        return (label, end + 1)
    }

    private static func find(run: Int, of mark: Character, in characters: [Character], from start: Int) -> Int? {
        var position = start
        while position + run <= characters.count {
            if characters[position..<(position + run)].allSatisfy({ $0 == mark }),
                position + run == characters.count || characters[position + run] != mark
            {
                return position
            }
            position += 1
        }
        return nil
    }
}

extension String {
    /// Without one leading and one trailing space (a code span's padding).
    fileprivate var trimmingSingleSpaces: String {
        var text = Substring(self)
        if text.hasPrefix(" "), text.hasSuffix(" "), text.count > 2 {
            text = text.dropFirst().dropLast()
        }
        return String(text)
    }
}
