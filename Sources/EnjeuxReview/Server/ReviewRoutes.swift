import Foundation
import Hummingbird

/// The routes: the page and its script and style, the JSON API the page calls, the source
/// documents and the brief's downloads.
struct ReviewRoutes: Sendable {
    let desk: ReviewDesk
    let token: String

    func add(to router: Router<BasicRequestContext>) {
        let desk = desk
        let token = token
        router.get("/") { _, _ in Self.html(ReviewPage.html(token: token)) }
        router.get("/assets/review.js") { _, _ in
            Self.text(ReviewScript.source, type: "text/javascript; charset=utf-8")
        }
        router.get("/assets/review.css") { _, _ in Self.text(ReviewStyle.source, type: "text/css; charset=utf-8") }
        router.get("/api/issues") { _, _ in try Self.json(await desk.issues()) }
        router.get("/api/issues/:issue") { _, context in
            try Self.json(await desk.listing(try context.parameters.require("issue")))
        }
        router.get("/api/issues/:issue/next") { request, context in
            let count = request.uri.queryParameters.get("count").flatMap { Int($0) } ?? 10
            return try Self.json(
                await desk.next(try context.parameters.require("issue"), count: min(max(count, 1), 100)))
        }
        router.get("/api/passages/:passage/context") { request, context in
            let around = request.uri.queryParameters.get("around").flatMap { Int($0) } ?? 2
            return try Self.json(
                await desk.context(
                    try context.parameters.require("passage"),
                    issue: request.uri.queryParameters.get("issue").map { String($0) },
                    around: min(max(around, 1), 10)))
        }
        router.get("/api/search") { request, _ in
            let query = request.uri.queryParameters.get("q").map { String($0) } ?? ""
            guard query.count <= 500 else { throw DeskRefusal.invalid("Recherche trop longue.") }
            let limit = request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 50
            return try Self.json(
                await desk.search(
                    query, issue: request.uri.queryParameters.get("issue").map { String($0) },
                    limit: min(max(limit, 1), 500)))
        }
        router.post("/api/judgments") { request, _ in
            let body = try await Self.body(request, as: JudgmentRequest.self)
            let judgment = try await desk.judge(
                passageId: body.passageId, issue: body.issue, grade: body.grade, note: body.note)
            return try Self.json(JudgmentAnswer(saved: true, grade: judgment.grade, time: judgment.time))
        }
        router.post("/api/judgments/undo") { request, _ in
            let body = try await Self.body(request, as: UndoRequest.self)
            let judgment = try await desk.undo(passageId: body.passageId, issue: body.issue)
            return try Self.json(JudgmentAnswer(saved: true, grade: judgment?.grade, time: judgment?.time))
        }
        router.get("/api/basket") { _, _ in try Self.json(await desk.basketListing()) }
        router.post("/api/basket/add") { request, _ in
            let body = try await Self.body(request, as: UndoRequest.self)
            return try Self.json(await desk.addToBasket(passageId: body.passageId, issue: body.issue))
        }
        router.post("/api/basket/arrange") { request, _ in
            let body = try await Self.body(request, as: ArrangeRequest.self)
            return try Self.json(await desk.arrangeBasket(title: body.title, order: body.order))
        }
        router.get("/api/basket/selection.txt") { _, _ in
            Self.download(
                Data(await desk.basketSelection().utf8), name: "selection.txt", type: "text/plain; charset=utf-8")
        }
        router.get("/api/basket/brief/:format") { _, context in
            let format = try context.parameters.require("format")
            let data = try await desk.briefDocument(format: format)
            return Self.download(
                data, name: "note.\(format)", type: SourceFiles.mediaType(URL(fileURLWithPath: "x.\(format)")))
        }
        router.get("/source") { request, _ in
            let files = SourceFiles(corpus: desk.corpus.locations.corpus, sources: desk.corpus.sources)
            let path = request.uri.queryParameters.get("path").map { String($0) } ?? ""
            let file: URL
            do {
                file = try files.resolve(path)
            } catch let refusal as SourceFiles.Refusal {
                switch refusal {
                case .invalidPath, .outside: throw DeskRefusal(status: 403, message: "Chemin refusé.")
                case .notADocument, .unreadable:
                    throw DeskRefusal.notFound("Ce fichier n’est pas un document du corpus.")
                }
            }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw DeskRefusal.notFound("Document illisible : \(path)")
            }
            let type = SourceFiles.mediaType(file)
            var headers: HTTPFields = [.contentType: type]
            if !type.hasPrefix("application/pdf") {
                headers[FieldName("Content-Security-Policy")!] = SecurityPolicy.documentPolicy
            } else {
                headers[FieldName("Content-Security-Policy")!] = "default-src 'none'; object-src 'self'"
            }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    struct JudgmentRequest: Decodable {
        var passageId: String
        var issue: String
        var grade: Int
        var note: String?
    }

    struct UndoRequest: Decodable {
        var passageId: String
        var issue: String
    }

    struct ArrangeRequest: Decodable {
        var title: String?
        var order: [String]?
    }

    struct JudgmentAnswer: Encodable {
        var saved: Bool
        var grade: Int?
        var time: String?
    }

    static func body<T: Decodable>(_ request: Request, as type: T.Type) async throws -> T {
        let buffer = try await request.body.collect(upTo: SecurityPolicy.maximumBody)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw DeskRefusal.invalid("Corps de requête invalide (JSON attendu).")
        }
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func html(_ text: String) -> Response { Self.text(text, type: "text/html; charset=utf-8") }

    static func text(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func download(_ data: Data, name: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
