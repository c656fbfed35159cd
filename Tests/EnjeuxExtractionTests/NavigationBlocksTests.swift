import EnjeuxModel
import Testing

@testable import EnjeuxExtraction

/// Tables of contents and indexes are navigation blocks.
struct NavigationBlocksTests {
    @Test func dotLeadersMakeNavigation() {
        for text in [
            "2.1 Entrée en matière . . . . . . . . . . . . . 2.2 Mentors et parrains . . . . . . . . . 14",
            "Scripts d'assistance . . . . . . . . . . . . . . . . . . . . . . 12",
            "NoteHead, exemple de dérogation ........ 98, 99",
            "Annexe A ………… 45",
        ] {
            #expect(NavigationBlocks.isNavigation(text), "\(text)")
        }
        for text in [
            "Les cibles ont été revues en 2016... puis de nouveau en 2018.",
            "Voir la section 3.2.1. Les délais ont augmenté.",
            String(repeating: "Une longue phrase sur la charge de travail des intervenantes. ", count: 5)
                + "Suite . . . . 12",
        ] {
            #expect(!NavigationBlocks.isNavigation(text), "\(text)")
        }
    }

    @Test func onlyTextBlocksAreMarked() {
        let content = ExtractedContent(
            metadata: DocumentMetadata(),
            pages: [
                Page(
                    number: 1,
                    blocks: [
                        Block(kind: .heading, text: "Table des matières . . . . . 1", level: 1),
                        Block(kind: .paragraph, text: "Chapitre 1 . . . . . . . 3"),
                        Block(kind: .paragraph, text: "Le Lean a réduit les délais."),
                    ])
            ], warnings: [])
        let kinds = NavigationBlocks.marked(content).pages[0].blocks.map(\.kind)
        #expect(kinds == [.heading, .navigation, .paragraph])
    }
}
