import EnjeuxModel
import EnjeuxSupport
import Testing

/// Authors in CSL-JSON: people in parts, organisations as `literal`.
@Suite("CSL names")
struct CSLNameTests {
    private func json(_ author: String) -> String {
        String(decoding: CSLName(AuthorName(author)).jsonBytes(), as: UTF8.self)
    }

    @Test(arguments: [
        // People: family and given names, hyphens and particles.
        ("Marie Tremblay", #"{"family":"Tremblay","given":"Marie"}"#),
        ("Marie-Ève Dufresne-Boileau", #"{"family":"Dufresne-Boileau","given":"Marie-Ève"}"#),
        ("Jean-Pierre Marc Côté", #"{"family":"Côté","given":"Jean-Pierre Marc"}"#),
        ("Alexis de Tocqueville", #"{"dropping-particle":"de","family":"Tocqueville","given":"Alexis"}"#),
        ("Jean de La Fontaine", #"{"dropping-particle":"de","family":"La Fontaine","given":"Jean"}"#),
        ("Vincent van Gogh", #"{"family":"van Gogh","given":"Vincent"}"#),
        ("Luc Van Campenhoudt", #"{"family":"Van Campenhoudt","given":"Luc"}"#),
        ("de Koninck, Luc", #"{"family":"de Koninck","given":"Luc"}"#),
        ("Gagnon, Louise", #"{"family":"Gagnon","given":"Louise"}"#),
        // Organisations: one literal, the acronym in parentheses left out (APA spells them out).
        ("{CIUSSS des Deux-Rives}", #"{"literal":"CIUSSS des Deux-Rives"}"#),
        (
            "Ministère de la Santé et des Services sociaux",
            #"{"literal":"Ministère de la Santé et des Services sociaux"}"#
        ),
        (
            "Regroupement des intervenantes et intervenants de première ligne du Québec (RIIPLQ)",
            #"{"literal":"Regroupement des intervenantes et intervenants de première ligne du Québec"}"#
        ),
        (
            "Direction du développement et du soutien professionnel, OIRHQ",
            #"{"literal":"Direction du développement et du soutien professionnel, OIRHQ"}"#
        ),
        ("OTSTCFQ", #"{"literal":"OTSTCFQ"}"#),
        // An uncertain single word stays what it reads as (an organisation), flagged by the citation.
        ("Techno", #"{"literal":"Techno"}"#),
    ])
    func names(author: String, expected: String) {
        #expect(json(author) == expected, "\(author)")
    }

    @Test func namesReadBackAsWritten() throws {
        for author in ["Alexis de Tocqueville", "{CIUSSS des Deux-Rives}", "de Koninck, Luc"] {
            let name = CSLName(AuthorName(author))
            #expect(try CSLName(jsonBytes: name.jsonBytes()) == name)
        }
    }
}

/// CSL-JSON items: the bytes written, what is read back, `issued` present or not.
@Suite("CSL items")
struct CSLItemTests {
    static let report = CSLItem(
        id: "tremblay-2016-ab12", type: "report", title: "Le Lean",
        authors: [CSLName(family: "Tremblay", given: "Marie")],
        issued: CSLDate(year: 2016), publisher: "CIUSSS des Deux-Rives", language: "fr", source: "rapports/lean.pdf")

    @Test func exactBytesInSortedKeyOrder() {
        let text = String(decoding: Self.report.jsonBytes(), as: UTF8.self)
        #expect(
            text
                == #"{"author":[{"family":"Tremblay","given":"Marie"}],"enjeux-source":"rapports/lean.pdf","#
                + #""id":"tremblay-2016-ab12","issued":{"date-parts":[[2016]]},"language":"fr","#
                + #""publisher":"CIUSSS des Deux-Rives","title":"Le Lean","type":"report"}"#)
    }

    @Test func withoutYearOrAuthorThoseKeysAreLeftOut() throws {
        let page = CSLItem(
            id: "sd-1", type: "webpage", title: "Sans date", containerTitle: "Le Carrefour", url: "https://a.example/")
        let text = String(decoding: page.jsonBytes(), as: UTF8.self)
        #expect(
            text
                == #"{"URL":"https://a.example/","container-title":"Le Carrefour","id":"sd-1","title":"Sans date","#
                + #""type":"webpage"}"#)
        #expect(try CSLItem(jsonBytes: page.jsonBytes()) == page)
    }

    @Test func fileIsAnArrayOfOneItemPerLineThatReadsBack() throws {
        let items = [Self.report, CSLItem(id: "b", type: "webpage")]
        let bytes = CSLItem.cslJSON(items)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("[\n{") && text.hasSuffix("}\n]\n"))
        #expect(text.split(separator: "\n").count == 4)
        #expect(try [CSLItem](jsonBytes: bytes) == items)
        #expect(String(decoding: CSLItem.cslJSON([]), as: UTF8.self) == "[]\n")
    }

    @Test func readsZoteroStyleItemsSkippingOtherFields() throws {
        let zotero = #"""
            {"id":"x","type":"book","title":"T","note":"n","issued":{"date-parts":[["2019",3,1]]},
             "author":[{"family":"Roy","given":"Jean"},{"literal":"OTSTCFQ"}]}
            """#
        let item = try CSLItem(jsonBytes: Array(zotero.utf8))
        #expect(item.issued == CSLDate(year: 2019))
        #expect(item.authors == [CSLName(family: "Roy", given: "Jean"), .organisation("OTSTCFQ")])
        #expect(item.type == "book")
    }
}
