import PopplerKit
import Testing

@testable import EnjeuxExtraction

@Suite struct PDFMetadataMapperTests {
    @Test func fileNameTitlesFallBackToTheFirstHeading() {
        for title in ["Microsoft Word - rapport final.docx", "rapport.pdf", "Untitled", "  "] {
            let metadata = PDFMetadataMapper.metadata(
                from: PDFDocumentInfo(title: title), firstHeading: "Le vrai titre")
            #expect(metadata.title == "Le vrai titre", "\(title)")
            #expect(metadata.titleSource == .firstHeading)
        }
        let kept = PDFMetadataMapper.metadata(from: PDFDocumentInfo(title: " Rapport  annuel "), firstHeading: "x")
        #expect(kept.title == "Rapport annuel")
        #expect(kept.titleSource == .pdfInfo)
    }

    @Test func authorsAreSplitReasonably() {
        #expect(PDFMetadataMapper.splitAuthors("Marie Tremblay; Jean Roy") == ["Marie Tremblay", "Jean Roy"])
        #expect(PDFMetadataMapper.splitAuthors("Marie Tremblay et Jean Roy") == ["Marie Tremblay", "Jean Roy"])
        #expect(PDFMetadataMapper.splitAuthors("Marie Tremblay, Jean Roy") == ["Marie Tremblay", "Jean Roy"])
        #expect(PDFMetadataMapper.splitAuthors("Tremblay, Marie") == ["Tremblay, Marie"])
        #expect(PDFMetadataMapper.splitAuthors("Direction générale") == ["Direction générale"])
    }

    @Test func xmpFields() {
        let xmp = """
            <x:xmpmeta><rdf:RDF><rdf:Description>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Soins &amp; services</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>Ana Roy</rdf:li><rdf:li>Luc Côté</rdf:li></rdf:Seq></dc:creator>
            <dc:language><rdf:Bag><rdf:li>fr-CA</rdf:li></rdf:Bag></dc:language>
            </rdf:Description></rdf:RDF></x:xmpmeta>
            """
        let metadata = PDFMetadataMapper.metadata(
            from: PDFDocumentInfo(keywords: "Lean; santé, travail social", creationDate: "2016-04-01", xmp: xmp),
            firstHeading: nil)
        #expect(metadata.title == "Soins & services")
        #expect(metadata.titleSource == .xmp)
        #expect(metadata.authors == ["Ana Roy", "Luc Côté"])
        #expect(metadata.language == "fr-CA")
        #expect(metadata.date == "2016-04-01")
        #expect(metadata.keywords == ["Lean", "santé", "travail social"])
    }
}
