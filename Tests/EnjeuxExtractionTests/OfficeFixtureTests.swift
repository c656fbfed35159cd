import EnjeuxExtraction
import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import Testing

/// The team's test document (`Tests/Fixtures/office`, made by
/// `scripts/fixtures/make-office-fixtures.sh`) saved as DOCX by LibreOffice, as DOCX the way
/// French Word writes it, as ODT, as flat ODT, as text and as Markdown: each is read into the
/// same blocks, kinds and notes, and located as docs/formats.md says.
@Suite struct OfficeFixtureTests {
    static let folder = SharedData.repositoryRoot.appendingPathComponent("Tests/Fixtures/office")

    /// The accepted text in reading order: the comment, the deleted word and the note
    /// numbers are not in it; each note follows the paragraph that calls it.
    static let expected: [(BlockKind, String)] = [
        (.heading, "Note de travail sur l’optimisation et l’autonomie professionnelle"),
        (.heading, "Contexte"),
        (
            .paragraph,
            "Depuis 2016, plusieurs établissements du réseau de la santé et des services sociaux ont mené des projets d’optimisation inspirés de la méthode Lean. Les intervenantes y voient surtout une pression accrue sur le temps consacré à chaque usager."
        ),
        (.footnote, "Rapport d’évaluation du projet Lean de la direction des services sociaux généraux, 2016."),
        (.paragraph, "Le groupe de travail a retenu trois constats pour guider la suite des travaux :"),
        (.listItem, "les indicateurs de performance mesurent le volume plutôt que la qualité des interventions;"),
        (.listItem, "l’autonomie professionnelle recule lorsque les plans d’intervention sont standardisés;"),
        (.listItem, "la charge de travail augmente sans ajout de ressources."),
        (.heading, "Indicateurs suivis"),
        (.tableCell, "Indicateur"), (.tableCell, "Cible annuelle"), (.tableCell, "Délai d’accès aux services"),
        (.tableCell, "30 jours"), (.tableCell, "Interventions par semaine"), (.tableCell, "12 rencontres"),
        (
            .paragraph,
            "Ces cibles sont fixées par la direction après consultation des équipes et révisées chaque année."
        ),
        (.footnote, "Les cibles de 2021 reprennent celles de l’entente de gestion."),
        (.heading, "Pistes d’action"),
        (
            .paragraph,
            "Le groupe recommande de documenter les effets de l’optimisation sur le jugement clinique et de rappeler les obligations déontologiques des membres."
        ),
    ]

    static let structuredFiles = [
        "note-de-travail.docx", "note-de-travail-word-fr.docx", "note-de-travail.odt", "note-de-travail.fodt",
        "note-de-travail.md",
    ]
    static let allFiles = structuredFiles + ["note-de-travail.txt"]

    func extract(_ name: String) throws -> (FileFormat, ExtractedContent) {
        try DocumentExtractor.extract(fileAt: Self.folder.appendingPathComponent(name))
    }

    static func normalized(_ content: ExtractedContent) -> String {
        content.pages.flatMap(\.blocks).map(\.text).joined(separator: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test(arguments: structuredFiles) func blocksKindsAndNotes(_ name: String) throws {
        let (_, content) = try extract(name)
        let blocks = content.pages.flatMap(\.blocks)
        #expect(blocks.map(\.kind) == Self.expected.map(\.0), "\(name)")
        #expect(blocks.map(\.text) == Self.expected.map(\.1), "\(name)")
        #expect(content.warnings.isEmpty, "\(name): \(content.warnings)")
    }

    @Test(arguments: allFiles) func textIsTheSameInEveryFormat(_ name: String) throws {
        let (_, content) = try extract(name)
        let reference = Self.expected.map(\.1).joined(separator: " ")
        #expect(Self.normalized(content) == reference, "\(name)")
        #expect(!Self.normalized(content).contains("systématiquement"), "deleted text read in \(name)")
        #expect(!Self.normalized(content).contains("quatrième constat"), "comment read in \(name)")
    }

    @Test func formatsAreRecognisedByContent() throws {
        #expect(try extract("note-de-travail.docx").0 == .docx)
        #expect(try extract("note-de-travail-word-fr.docx").0 == .docx)
        #expect(try extract("note-de-travail.odt").0 == .odt)
        #expect(try extract("note-de-travail.fodt").0 == .flatODT)
        #expect(try extract("note-de-travail.txt").0 == .text)
        #expect(try extract("note-de-travail.md").0 == .markdown)
    }

    @Test func headingLevelsFromStylesNamesAndMarkup() throws {
        for name in Self.structuredFiles {
            let headings = try extract(name).1.pages.flatMap(\.blocks).filter { $0.kind == .heading }
            #expect(headings.map(\.level) == [1, 1, 2, 1], "\(name)")
        }
    }

    /// LibreOffice's DOCX records no layout: one page, blocks numbered as paragraphs, a note
    /// numbered as the paragraph that calls it, headings not numbered.
    @Test func docxWithoutRecordedPagesIsCitedByParagraph() throws {
        let pages = try extract("note-de-travail.docx").1.pages
        #expect(pages.count == 1)
        let numbers = pages[0].blocks.map(\.paragraph)
        #expect(numbers == [nil, nil, 1, 1, 2, 3, 4, 5, nil, 6, 7, 8, 9, 10, 11, 12, 12, nil, 13])
    }

    /// Word's rendered page break, LibreOffice's soft page breaks and style breaks, and form
    /// feeds in text files are pages: « Pistes d’action » opens page 2, the second note stays
    /// on page 1 with the paragraph that calls it, and no block has a paragraph number.
    @Test(arguments: [
        "note-de-travail-word-fr.docx", "note-de-travail.odt", "note-de-travail.fodt", "note-de-travail.txt",
        "note-de-travail.md",
    ])
    func recordedPages(_ name: String) throws {
        let pages = try extract(name).1.pages
        #expect(pages.count == 2, "\(name)")
        #expect(pages.last?.blocks.first?.text == "Pistes d’action", "\(name)")
        #expect(pages.first?.blocks.last?.text == "Les cibles de 2021 reprennent celles de l’entente de gestion.")
        #expect(pages.flatMap(\.blocks).allSatisfy { $0.paragraph == nil }, "\(name)")
    }

    @Test func metadataFromDocumentProperties() throws {
        for name in [
            "note-de-travail.docx", "note-de-travail-word-fr.docx", "note-de-travail.odt", "note-de-travail.fodt",
        ] {
            let metadata = try extract(name).1.metadata
            #expect(metadata.title == "Note de travail sur l’optimisation et l’autonomie professionnelle", "\(name)")
            #expect(metadata.titleSource == .documentProperties, "\(name)")
            #expect(metadata.authors == ["Marie-Ève Lapointe"], "\(name)")
            #expect(metadata.date == "2021-03-15", "\(name)")
            #expect(metadata.language == "fr-CA", "\(name)")
        }
        let word = try extract("note-de-travail-word-fr.docx").1.metadata
        #expect(word.publisher == "Ordre des intervenants en relations humaines du Québec")
        #expect(word.producer == "Microsoft Office Word")
    }

    @Test func markdownFrontMatterAndTextWithoutMetadata() throws {
        let markdown = try extract("note-de-travail.md").1.metadata
        #expect(markdown.title == "Note de travail sur l’optimisation et l’autonomie professionnelle")
        #expect(markdown.titleSource == .frontMatter)
        #expect(markdown.authors == ["Marie-Ève Lapointe"])
        #expect(markdown.date == "2021-03-15")
        #expect(markdown.keywords == ["Lean", "autonomie professionnelle", "indicateurs"])
        let text = try extract("note-de-travail.txt").1
        #expect(text.metadata.title == nil)
        #expect(text.pages.flatMap(\.blocks).filter { $0.kind == .listItem }.count == 3)
    }
}
