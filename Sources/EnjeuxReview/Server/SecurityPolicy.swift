import Foundation
import Hummingbird

/// The workbench's rules for every request (threat model in the README): only the loopback
/// names as `Host` (a page of another site that rebinds its name to 127.0.0.1 is refused),
/// the session token in the query or a header for reading and in a header for changing
/// anything (another site's form cannot set a header), bounded bodies, and a content policy
/// that lets the pages load nothing from elsewhere.
package struct SecurityPolicy: Sendable {
    package let token: String
    /// Largest request body accepted (a judgment with its note, the basket's order).
    package static let maximumBody = 64 * 1024
    /// The header that carries the token on state-changing requests.
    package static let tokenHeader = "X-Enjeux-Token"

    package static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
    /// For corpus files other than PDF (a saved web page must not run its scripts here).
    package static let documentPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"

    package init(token: String) {
        self.token = token
    }

    /// A new random token: 32 bytes from the system's generator, as hex.
    package static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// True for `127.0.0.1`, `localhost` and `[::1]`, with or without a port.
    package static func isLoopbackHost(_ host: String?) -> Bool {
        guard var host = host?.lowercased(), !host.isEmpty else { return false }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber)) else { return false }
            return host[host.startIndex...close] == "[::1]"
        }
        if let colon = host.lastIndex(of: ":") {
            let port = host[host.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isNumber) else { return false }
            host = String(host[..<colon])
        }
        return host == "127.0.0.1" || host == "localhost"
    }

    /// Compares in time independent of where the strings differ.
    package func matches(_ candidate: String?) -> Bool {
        guard let candidate else { return false }
        let a = Array(candidate.utf8)
        let b = Array(token.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// A header name (HTTPTypes' `HTTPField.Name`, reached through the `HTTPFields` Hummingbird exports).
typealias FieldName = HTTPFields.Element.Name
