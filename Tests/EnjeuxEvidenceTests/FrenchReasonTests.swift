import EnjeuxEvidence
import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

/// Every failure and warning a reader sees is worded in French from its case, grouped by
/// reason; codes and English stay in run.json.
@Suite struct FrenchReasonTests {
    /// Words of the English reasons that must not reach a French text (a detail given as
    /// technical text, such as poppler's message, is the only English allowed).
    static let englishWords = [
        "not a", "file ", "password required", "wrong password", "could not", "found", "unknown", "ignored",
        "declared", "the ", "scanned", "truncated", "too large", "damaged", " took ", "crashed", "unsupported",
        "row", "line",
    ]

    static func isFrench(_ text: String) -> Bool {
        !englishWords.contains { text.lowercased().contains($0) }
    }

    @Test func everyFailureHasAFrenchReason() {
        let samples: [ExtractionFailure] = [
            .emptyFile, .unrecognizedContent, .missingPDFHeader, .notHTML, .webArchiveWithoutPage(found: ["image/png"]),
            .emptyWebArchivePage, .noReadablePage, .passwordRequired, .wrongPassword, .timedOut(seconds: 60),
            .memoryLimitExceeded(megabytes: 2048), .overLimit(content: .html, megabytes: 600, limitMegabytes: 512),
            .overLimit(content: .webArchive, megabytes: 600, limitMegabytes: 512),
            .overLimit(content: .decodedHTML, megabytes: 700, limitMegabytes: nil),
            .unsupportedWebArchiveEncoding(encoding: "x-uu"), .encrypted(.office), .encrypted(.openDocument),
            .encrypted(.zipEntries), .oldBinaryOffice(.word), .oldBinaryOffice(.powerPoint), .oldBinaryOffice(.excel),
            .oldBinaryOffice(.other), .rtfDocument, .damagedDocument(detail: ""),
            // Cases with a technical detail: the detail is given as written, the rest is French.
            .notADocument(detail: ""), .notAPDF(detail: ""), .unreadableWebArchive(detail: ""), .damaged(detail: ""),
            .crashed(detail: ""), .tooLarge(detail: ""), .unreadable(detail: ""), .unsupportedFormat(detail: ""),
        ]
        for failure in samples {
            let french = FrenchFailureReasons.reason(failure).text
            #expect(Self.isFrench(french), "\(failure): \(french)")
        }
        #expect(FrenchFailureReasons.reason(.unrecognizedContent).text == "n\u{2019}est pas un PDF (contenu inconnu)")
        #expect(
            FrenchFailureReasons.reason(.overLimit(content: .html, megabytes: 600, limitMegabytes: 512)).text
                == "fichier trop volumineux (600\u{A0}Mo de HTML, la limite est de 512\u{A0}Mo)")
        #expect(
            FrenchFailureReasons.reason(.damaged(detail: "xref broken"))
                == FrenchReason("PDF endommagé ou tronqué", detail: "xref broken"))
        #expect(
            FrenchFailureReasons.reason(.oldBinaryOffice(.word)).text
                == "ancien document Word binaire (.doc, Word 97–2003) (à convertir avec LibreOffice\u{A0}: "
                + "soffice --headless --convert-to docx FICHIER)")
        #expect(
            FrenchFailureReasons.reason(.timedOut(seconds: 120)).text
                == "l\u{2019}extraction a pris plus de 120\u{A0}s et a été arrêtée")
    }

    @Test func aFailureRecordedWithoutItsCaseFollowsItsCode() {
        let old = RunFailure(path: "a.pdf", code: "damaged", reason: "damaged or truncated PDF (x)")
        #expect(
            FrenchFailureReasons.reason(old)
                == FrenchReason("fichier endommagé ou tronqué", detail: "damaged or truncated PDF (x)"))
        let locked = RunFailure(path: "a.pdf", code: "password_required", reason: "password required (…)")
        #expect(FrenchFailureReasons.reason(locked).detail == nil)
    }

    @Test func everyWarningHasAFrenchReasonFromItsRecord() {
        let warnings: [DocumentWarning] = [
            .misnamed(fileExtension: "pdf", contains: "html"), .unreadablePage(3), .noTextLayer, .noMainContent,
            .unknownCharset("klingon-8"), .invalidUTF8(declaredIn: "meta tag"), .nestingTooDeep(depth: 100_000),
            .truncatedWebArchive, .tooManyWebArchiveParts(limit: 3), .webArchiveInvalidUTF8,
            .webArchiveUnknownCharset("x-inconnu"), .macrosNotRun, .noText, .invalidFrontMatter,
            .misnamed(fileExtension: "docx", contains: "odt"),
        ]
        for warning in warnings {
            // Through run.json and back, as the report reads it.
            let record = RunWarning(path: "a.html", warning: warning)
            let stored = try? JSONCoding.decode(RunWarning.self, from: JSONCoding.encode(record))
            #expect(stored == record)
            let french = FrenchWarningReasons.reason(stored ?? record)
            #expect(french == FrenchWarningReasons.reason(warning))
            #expect(Self.isFrench(french.text), "\(warning): \(french.text)")
        }
        #expect(FrenchWarningReasons.reason(.unreadablePage(3)) == FrenchReason("page illisible", detail: "page 3"))
        #expect(
            FrenchWarningReasons.reason(.misnamed(fileExtension: "pdf", contains: "html")).text
                == "nom de fichier qui annonce un autre format que son contenu (.pdf qui contient du HTML, lu comme tel)"
        )
        #expect(FrenchWarningReasons.reason(.other("free")).text == "avertissement (free)")
        #expect(
            FrenchWarningReasons.reason(.misnamed(fileExtension: "docx", contains: "odt")).text
                == "nom de fichier qui annonce un autre format que son contenu (.docx qui contient un texte OpenDocument, "
                + "lu comme tel)")
    }

    @Test func everyCatalogProblemHasAFrenchReasonFromItsRecord() {
        let problems: [CatalogProblem] = [
            .unknownColumn("auteurs"), .extraFields(fields: 7, columns: 6), .rowWithoutPath, .notAYear("bientôt"),
            .unclosedQuote, .invalidJSON("x"), .notAnArray, .itemNotAnObject, .itemWithoutPathOrTitle,
            .ambiguousFileName("a.pdf", documents: 2), .unknownPath("b.pdf"), .ambiguousTitle("T", documents: 3),
            .unknownTitle("T"), .entryWithoutPathOrTitle, .unreadable("x"), .notUTF8,
        ]
        for problem in problems {
            let warning = CatalogWarning(file: "catalog.csv", line: 4, problem: problem).runWarning
            let stored = (try? JSONCoding.decode(RunWarning.self, from: JSONCoding.encode(warning))) ?? warning
            #expect(CatalogProblem(code: stored.code, values: stored.values ?? [:]) == problem, "\(problem)")
            let french = FrenchWarningReasons.reason(stored)
            #expect(french.detail?.hasPrefix("ligne 4") == true, "\(problem)")
            #expect(Self.isFrench(french.headline), "\(problem): \(french.text)")
            #expect(warning.message.hasPrefix("line 4: "))
        }
        let year = CatalogWarning(file: "catalog.csv", line: 2, problem: .notAYear("bientôt")).runWarning
        #expect(
            FrenchWarningReasons.reason(year).text
                == "année illisible, ignorée (ligne 2\u{A0}: «\u{A0}bientôt\u{A0}»)")
    }

    @Test func groupsComeByReasonLargestFirst() {
        let failures = [
            RunFailure(DocumentError(path: "a.pdf", failure: .passwordRequired)),
            RunFailure(DocumentError(path: "b.pdf", failure: .unrecognizedContent)),
            RunFailure(DocumentError(path: "c.pdf", failure: .missingPDFHeader)),
            RunFailure(DocumentError(path: "d.pdf", failure: .emptyFile)),
        ]
        let groups = ReasonGroup.failures(failures)
        #expect(groups.map(\.headline) == ["n\u{2019}est pas un PDF", "fichier vide", groups[2].headline])
        #expect(groups[0].items.map(\.path) == ["b.pdf", "c.pdf"])
        #expect(groups[0].items.map(\.detail) == ["contenu inconnu", "pas d\u{2019}en-tête %PDF-"])
        // A document named several times under one reason is one item.
        let pages = ReasonGroup.warnings([1, 2, 4].map { RunWarning(path: "scan.pdf", warning: .unreadablePage($0)) })
        #expect(pages.count == 1 && pages[0].items.count == 1)
        #expect(pages[0].items[0].detail == "page 1, page 2, page 4")
    }

    @Test func theInvalidLexiconLineSaysFromWhenInLocalTime() throws {
        let report = RunReport(
            startedAt: "2026-12-07T14:12:00Z", documents: 1, pages: 1, passages: 1, lexicon: Fixture.lexicon)
        let montreal = try #require(TimeZone(identifier: "America/Montreal"))
        #expect(
            RunReport.invalidLexiconLine(previous: report, evidenceFolder: "Evidence", timeZone: montreal)
                == "Lexique invalide\u{A0}: les résultats précédents (du 2026-12-07 09:12) sont conservés dans Evidence/"
        )
        #expect(
            RunReport.invalidLexiconLine(previous: nil, evidenceFolder: "out/", timeZone: montreal)
                == "Lexique invalide\u{A0}: aucun résultat n\u{2019}a été écrit dans out/")
    }
}
