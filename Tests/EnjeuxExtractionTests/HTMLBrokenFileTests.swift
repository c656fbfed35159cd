import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxExtraction

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite(
    "Broken and hostile HTML files", .enabled(if: SharedData.isAvailable, "needs ../shared"),
    .serialized)
struct HTMLBrokenFileTests {
    @Test("A JavaScript app shell has no main content")
    func scriptsAndNavigationOnly() throws {
        let content = try HTMLTestHelpers.extract(
            shared: "corpus/broken/scripts-and-navigation-only.html")
        #expect(HTMLTestHelpers.blocks(content).isEmpty)
        #expect(content.warnings.contains(.noMainContent))
    }

    @Test("20,000 nested divs: all three paragraphs")
    func deepNesting() throws {
        let content = try HTMLTestHelpers.extract(shared: "corpus/broken/nested-20000-divs.html")
        let blocks = HTMLTestHelpers.blocks(content).map(\.text)
        #expect(blocks.count == 3)
        #expect(blocks.first?.hasPrefix("Paragraphe avant l’imbrication") == true)
        #expect(blocks.dropFirst().first?.hasPrefix("Texte au niveau 20 000") == true)
        #expect(blocks.last == "Paragraphe après l’imbrication : fin du document.")
    }

    @Test("UTF-16LE with a BOM and the label \"unicode\"")
    func utf16() throws {
        let content = try HTMLTestHelpers.extract(shared: "corpus/broken/utf16le-bom.html")
        #expect(
            content.metadata.title
                == "Services sociaux et conditions de pratique: L’Ordre se positionne et agit")
        #expect(content.warnings.isEmpty)
    }

    @Test("External entities: no file read, no connection")
    func externalEntities() throws {
        let listener = try LocalListener(port: 8765)
        defer { listener.close() }
        let content = try HTMLTestHelpers.extract(shared: "corpus/broken/xxe-external-entities.html")
        let text = HTMLTestHelpers.plainText(content)
        #expect(!text.contains("root:"))
        #expect(!text.contains("ENTITY"))
        #expect(text.contains("Le présent avis rappelle que la tenue de dossiers"))
        #expect(text.contains("Fin de l’avis."))
        #expect(content.metadata.title == "Avis aux membres")
        #expect(listener.pendingConnections() == 0, "something connected to 127.0.0.1:8765")
    }

    @Test(
        "The real 20 MB page (set ENJEUX_LARGE_TESTS=1)",
        .enabled(if: ProcessInfo.processInfo.environment["ENJEUX_LARGE_TESTS"] != nil))
    func largeFile() throws {
        let start = ContinuousClock.now
        let content = try HTMLTestHelpers.extract(
            shared: "corpus/broken/large-20mb-repeated-paragraph.html")
        print("20 MB page: \(ContinuousClock.now - start)")
        let blocks = HTMLTestHelpers.blocks(content)
        #expect(blocks.first?.text == "Document volumineux")
        #expect(blocks.count == 28_651)
    }
}

/// A TCP listener on 127.0.0.1 that counts the connections made to it, without a thread:
/// connections complete in the kernel's backlog and are counted afterwards.
private final class LocalListener {
    private var socketDescriptor: Int32

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    init(port: UInt16) throws {
        #if canImport(Glibc)
            socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            socketDescriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socketDescriptor >= 0 else { throw SetupError(description: "socket() failed") }
        var yes: Int32 = 1
        setsockopt(
            socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socketDescriptor, 16) == 0 else {
            close()
            throw SetupError(description: "cannot listen on 127.0.0.1:\(port) (errno \(errno))")
        }
        _ = fcntl(socketDescriptor, F_SETFL, fcntl(socketDescriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Accepts (and closes) every connection waiting in the backlog; returns how many there were.
    func pendingConnections() -> Int {
        var count = 0
        while true {
            let client = accept(socketDescriptor, nil, nil)
            if client < 0 { break }
            count += 1
            _ = closeDescriptor(client)
        }
        return count
    }

    func close() {
        if socketDescriptor >= 0 {
            _ = closeDescriptor(socketDescriptor)
            socketDescriptor = -1
        }
    }

    private func closeDescriptor(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
            Glibc.close(descriptor)
        #else
            Darwin.close(descriptor)
        #endif
    }
}
