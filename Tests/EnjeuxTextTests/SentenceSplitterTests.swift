import EnjeuxSupport
import Testing

@testable import EnjeuxText

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        LineSegmentation.sentencesLine(text).split(separator: "\t").map(String.init)
    }

    @Test("breaks after final punctuation before a capital")
    func basic() {
        #expect(
            sentences("Le Lean arrive. Les équipes résistent ! Pourquoi ? Parce que.") == [
                "Le Lean arrive.", "Les équipes résistent !", "Pourquoi ?", "Parce que.",
            ])
    }

    @Test("no break after abbreviations, in page or article references, in decimals")
    func abbreviations() {
        #expect(
            sentences("M. Roy et Mme Tremblay voient le Dr Lee. Voir p. 12 et art. 3 du Code. Il a 3.5 ans.") == [
                "M. Roy et Mme Tremblay voient le Dr Lee.", "Voir p. 12 et art. 3 du Code.", "Il a 3.5 ans.",
            ])
        #expect(sentences("Les pays (É.-U., Canada, etc.) Les autres.").count == 2)
    }

    @Test("list numbers stay with their sentence")
    func listNumbers() {
        #expect(
            sentences("2. Plusieurs administrateurs sont d’accord. IV. Le mandat. b. Des pratiques.") == [
                "2. Plusieurs administrateurs sont d’accord.", "IV. Le mandat.", "b. Des pratiques.",
            ])
    }

    @Test("quotations that continue the sentence stay in it")
    func quotations() {
        #expect(
            sentences("Elle a dit : « Je reste. Tu pars. » puis elle est sortie. Fin.") == [
                "Elle a dit : « Je reste. Tu pars. » puis elle est sortie.", "Fin.",
            ])
        #expect(sentences("« Je reste. » Elle est sortie.") == ["« Je reste. »", "Elle est sortie."])
    }

    @Test("paragraphs and list items are hard boundaries")
    func blocks() {
        #expect(
            sentences("Premier paragraphe sans point\n\nSecond paragraphe") == [
                "Premier paragraphe sans point", "Second paragraphe",
            ])
        #expect(
            sentences("Les objectifs :\n• réduire les délais\n• mesurer") == [
                "Les objectifs :", "• réduire les délais", "• mesurer",
            ])
        #expect(sentences("Une ligne\ncoupée en deux.") == ["Une ligne\ncoupée en deux."])
    }

    @Test("offsets are Unicode scalars")
    func offsets() {
        let text = "Équipe 👍🏽 prête. Oui."
        let spans = SentenceSplitter().sentences(in: text)
        #expect(spans.map { text.scalarSlice($0.start, $0.end) } == ["Équipe 👍🏽 prête.", "Oui."])
    }
}
