import EnjeuxFrench
import EnjeuxModel
import Testing

@testable import EnjeuxText

@Suite("French tokenizer")
struct TokenizerTests {
    func surfaces(_ text: String) -> [String] {
        LineSegmentation.plainLine(text).split(separator: "\t").map(String.init)
    }

    func kinds(_ text: String) -> [TokenKind] {
        FrenchTokenizer().tokenize(text).map(\.kind)
    }

    @Test("elision is split after the apostrophe, with either apostrophe")
    func elision() {
        #expect(surfaces("l’homme d'État") == ["l’", "homme", "d'", "État"])
        #expect(
            surfaces("jusqu’à lorsqu'il puisqu’elle quoiqu'on presqu’île") == [
                "jusqu’", "à", "lorsqu'", "il", "puisqu’", "elle", "quoiqu'", "on", "presqu’", "île",
            ])
        #expect(
            surfaces("J'ai qu'un C’est m'a n'est s'y t'es") == [
                "J'", "ai", "qu'", "un", "C’", "est", "m'", "a", "n'", "est", "s'", "y", "t'", "es",
            ])
        #expect(surfaces("lʼécole") == ["lʼ", "école"])
    }

    @Test("every elided form of the list is split, in any case, and no other")
    func elisionList() {
        for word in FrenchFunctionWords.elisions {
            #expect(surfaces("\(word)'abri") == ["\(word)'", "abri"])
            #expect(surfaces("\(word.uppercased())’ABRI") == ["\(word.uppercased())’", "ABRI"])
        }
        #expect(surfaces("b'abri squ'abri") == ["b'abri", "squ'abri"])
    }

    @Test("words with an inner apostrophe stay whole")
    func innerApostrophe() {
        #expect(
            surfaces("aujourd’hui les prud'hommes et quelqu'un") == [
                "aujourd’hui", "les", "prud'hommes", "et", "quelqu'un",
            ])
    }

    @Test("hyphenated compounds stay whole, inverted pronouns split as in UD")
    func hyphens() {
        #expect(
            surfaces("peut-être c’est-à-dire non-respect Saint-Jean-sur-Richelieu") == [
                "peut-être", "c’est-à-dire", "non-respect", "Saint-Jean-sur-Richelieu",
            ])
        #expect(
            surfaces("a-t-il donne-moi est-ce pouvez-vous") == [
                "a", "-t-il", "donne", "-moi", "est", "-ce", "pouvez", "-vous",
            ])
        #expect(surfaces("celui-ci Aix-en-Provence rendez-vous") == ["celui-ci", "Aix-en-Provence", "rendez-vous"])
    }

    @Test("abbreviations and dotted acronyms keep their periods")
    func abbreviations() {
        #expect(surfaces("M. Tremblay et Mme Roy, Dr Lee") == ["M.", "Tremblay", "et", "Mme", "Roy", ",", "Dr", "Lee"])
        #expect(
            surfaces("voir p. 12, pp. 3-5, art. 3, chap. 2, vol. 4 etc.") == [
                "voir", "p.", "12", ",", "pp.", "3-5", ",", "art.", "3", ",", "chap.", "2", ",", "vol.", "4", "etc.",
            ])
        #expect(
            surfaces("c.-à-d. p. ex. les T.S. aux É.-U. en 52 av. J.-C.") == [
                "c.-à-d.", "p. ex.", "les", "T.S.", "aux", "É.-U.", "en", "52", "av.", "J.-C.",
            ])
    }

    @Test("numbers: decimal comma, grouped thousands, ranges, ordinals")
    func numbers() {
        #expect(
            surfaces("12,5 % de 1 000 000 $ en 2015-2016") == ["12,5", "%", "de", "1 000 000", "$", "en", "2015-2016"])
        #expect(
            surfaces("1\u{00A0}234,50\u{00A0}€ et 3\u{202F}000 et 4\u{2009}500") == [
                "1\u{00A0}234,50", "€", "et", "3\u{202F}000", "et", "4\u{2009}500",
            ])
        #expect(surfaces("le 1er, la 2e, le XXe siècle") == ["le", "1er", ",", "la", "2e", ",", "le", "XXe", "siècle"])
        #expect(kinds("12,5 1er") == [.number, .number])
        #expect(surfaces("en 2015 300 personnes") == ["en", "2015", "300", "personnes"])
        #expect(surfaces("écart de -0,8 point") == ["écart", "de", "-0,8", "point"])
        #expect(surfaces("à 20h30 ou 23h, le n° 5") == ["à", "20", "h", "30", "ou", "23", "h", ",", "le", "n°", "5"])
        #expect(surfaces("de +14 et 12H30") == ["de", "+14", "et", "12", "H", "30"])
    }

    @Test("inclusive writing is one token")
    func inclusiveWriting() {
        #expect(
            surfaces("les travailleur·euse·s et travailleur.euse.s") == [
                "les", "travailleur·euse·s", "et", "travailleur.euse.s",
            ])
    }

    @Test("URLs and e-mails are whole")
    func urlsAndEmails() {
        #expect(
            surfaces("Voir https://www.quebec.ca/sante/a-b?x=1. Écrire à info@ciusss.gouv.qc.ca.") == [
                "Voir", "https://www.quebec.ca/sante/a-b?x=1", ".", "Écrire", "à", "info@ciusss.gouv.qc.ca", ".",
            ])
        #expect(kinds("www.msss.gouv.qc.ca jean.roy@x.org") == [.url, .email])
    }

    @Test("punctuation and symbols")
    func punctuation() {
        #expect(
            surfaces("« Bonjour ! » Quoi ?! Eh bien... (oui) -- fin…") == [
                "«", "Bonjour", "!", "»", "Quoi", "?!", "Eh", "bien", "...", "(", "oui", ")", "--", "fin", "…",
            ])
        #expect(kinds("« % 👍🏽 ") == [.punctuation, .symbol, .symbol])
        #expect(surfaces("👍🏽 👨‍👩‍👧") == ["👍🏽", "👨‍👩‍👧"])
    }
}
