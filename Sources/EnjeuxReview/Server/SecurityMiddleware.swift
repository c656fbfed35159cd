import Foundation
import Hummingbird

/// Applies `SecurityPolicy` before any route runs, and turns every refusal or error into a
/// JSON answer with a French message, all with the security headers.
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: SecurityPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        do {
            try check(request)
            response = try await next(request, context)
        } catch let refusal as DeskRefusal {
            response = Self.problem(refusal.status, refusal.message)
        } catch let error as HTTPError {
            let message =
                error.status == .contentTooLarge
                ? "Requête trop volumineuse." : (error.body ?? "Requête refusée (\(error.status.code)).")
            response = Self.problem(error.status.code, message)
        } catch {
            response = Self.problem(500, "Erreur interne : \(error)")
        }
        Self.secure(&response.headers)
        return response
    }

    /// Host, size and token, in that order.
    func check(_ request: Request) throws {
        guard SecurityPolicy.isLoopbackHost(request.head.authority) else {
            throw DeskRefusal(status: 403, message: "Hôte refusé : seul 127.0.0.1 ou localhost est servi.")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > SecurityPolicy.maximumBody {
            throw DeskRefusal(status: 413, message: "Requête trop volumineuse.")
        }
        let header = request.headers[FieldName(SecurityPolicy.tokenHeader)!]
        let reads = request.method == .get || request.method == .head
        if reads {
            let query = request.uri.queryParameters.get("token")
            guard policy.matches(header) || policy.matches(query) else {
                throw DeskRefusal(
                    status: 401, message: "Jeton absent ou faux : ouvrez l’adresse affichée au démarrage.")
            }
        } else {
            guard policy.matches(header) else {
                throw DeskRefusal(
                    status: 403, message: "Jeton attendu dans l’en-tête \(SecurityPolicy.tokenHeader).")
            }
            if let site = request.headers[FieldName("Sec-Fetch-Site")!], site == "cross-site" {
                throw DeskRefusal(status: 403, message: "Requête d’un autre site refusée.")
            }
        }
    }

    static func problem(_ status: Int, _ message: String) -> Response {
        let body = (try? JSONEncoder().encode(["error": message])) ?? Data()
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func secure(_ headers: inout HTTPFields) {
        if headers[FieldName("Content-Security-Policy")!] == nil {
            headers[FieldName("Content-Security-Policy")!] = SecurityPolicy.contentSecurityPolicy
        }
        headers[FieldName("X-Content-Type-Options")!] = "nosniff"
        headers[FieldName("X-Frame-Options")!] = "DENY"
        headers[FieldName("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-store"
    }
}
