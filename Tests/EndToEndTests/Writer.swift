import Foundation
import Testing

/// LibreOffice Writer run headless: converts DOCX and ODT files to plain text.
enum Writer {
    /// `soffice` on the PATH, when its installation has the Writer module.
    static let soffice = LibreOffice.soffice(withModule: "libswlo.")

    /// The text of a document as `soffice --convert-to txt:Text` writes it (UTF-8, one line
    /// per paragraph), its byte order mark removed. Each call has its own output folder and a
    /// private LibreOffice profile in `scratch`, so that runs side by side do not collide.
    static func text(of document: URL, scratch: Scratch) throws -> String {
        let soffice = try #require(soffice)
        let name = document.lastPathComponent
        let output = scratch.path("writer-\(name)")
        let process = Process()
        process.executableURL = soffice
        process.arguments = [
            "--headless", "--norestore", "--nolockcheck",
            "-env:UserInstallation=" + scratch.path("writer-profile-\(name)").absoluteString,
            "--convert-to", "txt:Text", "--outdir", output.path, document.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record("soffice did not convert \(name) within 120 s")
        }
        process.waitUntilExit()
        let text = try String(
            contentsOf: output.appendingPathComponent(document.deletingPathExtension().lastPathComponent + ".txt"),
            encoding: .utf8)
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
