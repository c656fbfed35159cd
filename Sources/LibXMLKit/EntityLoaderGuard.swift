import CLibXML2

/// Makes sure libxml2 can never load an external entity, DTD or any other resource.
///
/// libxml2's entity loader is a process-wide setting; it is installed once, the first
/// time any parse runs (Swift initialises a global `let` exactly once, thread-safely).
enum EntityLoaderGuard {
    /// Installs the refusing loader and initialises libxml2 (idempotent).
    static func install() {
        _ = installed
    }

    private static let installed: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader(refuseEverything)
        return true
    }()
}

/// An external entity loader that loads nothing: no file, no network.
private let refuseEverything: xmlExternalEntityLoader = { _, _, _ in nil }
