/// A line that only dates the article ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: …",
/// « Publié le 12 mars 2024 à 10 h 30 », "segunda-feira, 22 de janeiro de 2018 às 0:13"):
/// page furniture, whatever the element around it is named. The date itself is read from
/// the page's metadata.
enum HTMLDateline {
    /// Longer lines are text that mentions a date.
    static let maximumWordCount = 16
    /// Share of the words that must be numbers, month or day names, or publication words.
    static let minimumDateShare = 0.75

    /// Month and weekday names and their abbreviations (English, French, Spanish,
    /// Portuguese, German), the words around a time, and the words that introduce a
    /// publication or update date.
    static let dateWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre",
        "octobre", "novembre", "décembre", "decembre", "janv", "févr", "fevr", "avr", "juil", "déc",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
        "octubre", "noviembre", "diciembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro",
        "outubro", "dezembro", "januar", "februar", "märz", "juni", "juli", "oktober", "dezember",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thurs", "fri", "sat", "sun", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "segunda", "terça", "quarta",
        "quinta", "sexta", "feira", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "am", "pm", "a", "p", "m", "h", "utc", "gmt", "est", "edt", "et", "cet", "heure", "heures",
        "de", "of", "the", "on", "at", "à", "às", "le", "du", "el", "um", "den", "st", "nd", "rd", "th",
        "published", "updated", "posted", "last", "modified", "publié", "publiée", "publie", "mis", "jour",
        "modifié", "publicado", "publicada", "atualizado", "actualizado", "veröffentlicht", "aktualisiert",
        "date", "dated",
    ]

    /// True when `text` (collapsed) dates the article and says nothing else.
    static func isDateline(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard !words.isEmpty, words.count <= maximumWordCount, words.contains(where: isYearOrTime(in: text))
        else { return false }
        let dated = words.count { word in
            word.allSatisfy(\.isNumber) || dateWords.contains(String(word)) || isOrdinalOrClock(word)
        }
        return Double(dated) >= minimumDateShare * Double(words.count)
    }

    /// "19th", "4pm", "10h": a number with a short suffix.
    private static func isOrdinalOrClock(_ word: Substring) -> Bool {
        let digits = word.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 4 else { return false }
        return ["st", "nd", "rd", "th", "am", "pm", "h", "er", "e"].contains(String(word.dropFirst(digits.count)))
    }

    /// A predicate that is true for some word when the text holds a year (1900–2099) or
    /// a time (`10:48`).
    private static func isYearOrTime(in text: String) -> (Substring) -> Bool {
        let hasTime = text.contains(":") && hasClock(text)
        return { word in
            hasTime
                || (word.count == 4 && word.allSatisfy(\.isNumber) && (word.hasPrefix("19") || word.hasPrefix("20")))
        }
    }

    /// Whether `h:mm` or `hh:mm` occurs.
    private static func hasClock(_ text: String) -> Bool {
        let characters = Array(text)
        for index in characters.indices where characters[index] == ":" {
            guard index >= 1, index + 2 < characters.count, characters[index - 1].isNumber,
                characters[index + 1].isNumber, characters[index + 2].isNumber
            else { continue }
            return true
        }
        return false
    }
}
