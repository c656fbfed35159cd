import Foundation
import Hummingbird

/// The workbench's web server: 127.0.0.1 only, every route behind `SecurityMiddleware`.
package struct ReviewServer: Sendable {
    package let desk: ReviewDesk
    package let policy: SecurityPolicy
    package let port: Int

    package init(desk: ReviewDesk, policy: SecurityPolicy, port: Int) {
        self.desk = desk
        self.policy = policy
        self.port = port
    }

    /// Runs until the process is stopped; `started` receives the address with the token
    /// once the socket listens (the port chosen by the system when `port` is 0).
    package func run(started: @escaping @Sendable (String) -> Void) async throws {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityMiddleware(policy: policy))
        ReviewRoutes(desk: desk, token: policy.token).add(to: router)
        let token = policy.token
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                let chosen = channel.localAddress?.port ?? 0
                started("http://127.0.0.1:\(chosen)/?token=\(token)")
            })
        try await app.runService()
    }
}
