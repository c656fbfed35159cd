import EnjeuxBrief
import EnjeuxEvidence
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import Foundation

/// The basket as the page shows it.
struct BasketListing: Encodable, Sendable {
    var title: String
    var passages: [PassageView]
    /// Items whose passage is no longer in the run (the document changed): kept, not shown.
    var missing: Int
}

extension ReviewDesk {
    func basketListing() -> BasketListing {
        var missing = 0
        let passages = basket.items.compactMap { item -> PassageView? in
            guard let passage = passage(item.passageId) else {
                missing += 1
                return nil
            }
            let matches = passage.scores.first { $0.category == item.issue }?.matches ?? []
            return view(passage, matches: matches, issue: item.issue, rank: nil, score: nil)
        }
        return BasketListing(title: basket.title, passages: passages, missing: missing)
    }

    /// Adds a passage (once) at the end of the basket, and saves it.
    func addToBasket(passageId: String, issue: String) throws -> BasketListing {
        guard corpus.category(issue) != nil else { throw DeskRefusal.notFound("Enjeu inconnu : \(issue)") }
        guard let passage = passage(passageId) else { throw DeskRefusal.notFound("Passage inconnu : \(passageId)") }
        if !basket.items.contains(where: { $0.passageId == passageId }) {
            basket.items.append(
                BasketItem(
                    passageId: passageId, issue: issue, source: corpus.source(of: passage.documentId),
                    quote: passage.text))
        }
        try saveBasket()
        return basketListing()
    }

    /// Sets the title and the order of the basket (ids left out are removed), and saves it.
    func arrangeBasket(title: String?, order: [String]?) throws -> BasketListing {
        if let title {
            let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 300 else {
                throw DeskRefusal.invalid("Le titre doit compter de 1 à 300 caractères.")
            }
            basket.title = trimmed
        }
        if let order {
            let byId = Dictionary(basket.items.map { ($0.passageId, $0) }, uniquingKeysWith: { first, _ in first })
            guard order.allSatisfy({ byId[$0] != nil }), Set(order).count == order.count else {
                throw DeskRefusal.invalid("L’ordre donné ne reprend pas les passages du panier.")
            }
            basket.items = order.compactMap { byId[$0] }
        }
        try saveBasket()
        return basketListing()
    }

    private func saveBasket() throws {
        do {
            try basket.save(corpus.locations.basket)
        } catch {
            throw DeskRefusal(status: 500, message: "Panier non enregistré : \(error.localizedDescription)")
        }
    }

    func basketSelection() -> String { basket.selectionText }

    /// The basket as a brief (DOCX or ODT) through the brief stage and pandoc: the basket's
    /// passages are written as a small Evidence folder (so that passages found by a search,
    /// which no list shows, are quoted too), with the run's references.
    func briefDocument(format: String) throws -> Data {
        guard format == "docx" || format == "odt" else { throw DeskRefusal.notFound("Format inconnu : \(format)") }
        guard !basket.items.isEmpty else { throw DeskRefusal(status: 409, message: "Le panier est vide.") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "enjeux-review-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let evidence = folder.appendingPathComponent("Evidence")
        let output = folder.appendingPathComponent("Brief")
        do {
            try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
            var lines = ""
            for (offset, item) in basket.items.enumerated() {
                guard let passage = passage(item.passageId) else { continue }
                lines += try evidenceLine(passage, issue: item.issue, rank: offset + 1) + "\n"
            }
            try AtomicFile.write(lines, to: evidence.appendingPathComponent("evidence.jsonl"))
            for name in [EvidenceReferences.fileName, "run.json"] {
                try FileManager.default.copyItem(
                    at: corpus.locations.evidence.appendingPathComponent(name),
                    to: evidence.appendingPathComponent(name))
            }
            try AtomicFile.write(basket.selectionText, to: folder.appendingPathComponent("selection.txt"))
        } catch {
            throw DeskRefusal(status: 500, message: "Note impossible à préparer : \(error.localizedDescription)")
        }
        let stage = BriefStage(
            evidence: evidence, choice: .selection(folder.appendingPathComponent("selection.txt")),
            title: basket.title, date: Self.today(), output: output)
        let outcome: BriefStage.Outcome
        do {
            outcome = try stage.run()
        } catch {
            throw DeskRefusal(status: 500, message: "Note non produite : \(error)")
        }
        guard let file = outcome.documents.first(where: { $0.pathExtension == format }) else {
            let why = outcome.problem.map { "\($0)" } ?? "pandoc n’a rien écrit"
            throw DeskRefusal(status: 503, message: "Note non produite (\(why)) : installez pandoc.")
        }
        do {
            return try Data(contentsOf: file)
        } catch {
            throw DeskRefusal(status: 500, message: "Note illisible : \(error.localizedDescription)")
        }
    }

    /// Today as a brief prints it (« 7 décembre 2026 »).
    static func today() -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return FrenchDate.long(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? ""
    }

    /// One line of `evidence.jsonl` for a basket passage, as the brief stage reads it.
    private func evidenceLine(_ passage: ScoredPassage, issue: String, rank: Int) throws -> String {
        let document = corpus.documents[passage.documentId]
        let source = corpus.source(of: passage.documentId)
        let location = PageLocation(passage: passage, format: document?.format)
        let citation = Citation.make(document: document, source: source, location: location)
        var object: [String: Any] = [
            "category": issue, "label": corpus.category(issue)?.label ?? issue, "rank": rank,
            "passage_id": passage.passageId, "source": source, "text": passage.text,
            "citation": citation.inText, "citation_needs_check": citation.needsCheck,
        ]
        object["pages"] = location.pages ?? NSNull()
        object["paragraph"] = location.paragraph ?? NSNull()
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
