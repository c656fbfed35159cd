import Foundation

/// Finding LibreOffice's `soffice` for the tests that convert files with it.
enum LibreOffice {
    /// `soffice` on the PATH when its installation has the module whose library starts with
    /// `libraryPrefix` beside it (`libsclo.` for Calc, `libswlo.` for Writer): `soffice` alone
    /// may lack the module a test needs.
    static func soffice(withModule libraryPrefix: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("soffice")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
            let program = candidate.resolvingSymlinksInPath().deletingLastPathComponent()
            let files = (try? FileManager.default.contentsOfDirectory(atPath: program.path)) ?? []
            return files.contains { $0.hasPrefix(libraryPrefix) } ? candidate : nil
        }
        return nil
    }
}
