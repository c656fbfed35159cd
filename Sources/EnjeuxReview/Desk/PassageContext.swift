import EnjeuxModel
import EnjeuxPipeline
import Foundation

/// A passage with those around it in its document.
struct PassageContext: Encodable, Sendable {
    var before: [PassageView]
    var passage: PassageView
    var after: [PassageView]
}

extension ReviewDesk {
    /// The `around` passages before and after `passageId` in its document, read from the
    /// work folder's tokenized corpus.
    func context(_ passageId: String, issue: String?, around: Int) throws -> PassageContext {
        guard let passage = passage(passageId) else { throw DeskRefusal.notFound("Passage inconnu : \(passageId)") }
        let folder = corpus.locations.work.appendingPathComponent("passages")
        guard let manifest = TokenizeManifest.load(from: folder),
            let entry = manifest.entries.first(where: { $0.id == passage.documentId })
        else { throw DeskRefusal(status: 503, message: "Le texte découpé du document est introuvable.") }
        var all: [ScoredPassage] = []
        do {
            _ = try PassageFiles.read(
                entry, in: folder, restart: { all.removeAll() },
                eachPassage: { found, _, _ in
                    all.append(ScoredPassage(documentId: entry.id, passage: found, scores: []))
                })
        } catch {
            throw DeskRefusal(status: 503, message: "Texte du document illisible : \(error)")
        }
        guard let position = all.firstIndex(where: { $0.passageId == passageId }) else {
            throw DeskRefusal.notFound("Passage absent du texte découpé : \(passageId)")
        }
        let lower = max(0, position - around)
        let upper = min(all.count, position + around + 1)
        meet(Array(all[lower..<upper]))
        let issueId = issue ?? ""
        let matches = passage.scores.first { $0.category == issueId }?.matches ?? []
        return PassageContext(
            before: all[lower..<position].map { view($0, matches: [], issue: issueId, rank: nil, score: nil) },
            passage: view(passage, matches: matches, issue: issueId, rank: nil, score: nil),
            after: all[(position + 1)..<upper].map { view($0, matches: [], issue: issueId, rank: nil, score: nil) })
    }
}
