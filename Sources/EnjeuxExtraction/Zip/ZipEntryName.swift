/// Checks of the names in a zip archive's directory. The extractor never writes an entry to
/// disk, but a name that climbs out of the archive (`../x`), is absolute (`/etc/x`, `C:\x`) or
/// holds a NUL byte is never written by a word processor: such an archive is refused.
enum ZipEntryName {
    /// Why the name is unsafe, or nil when it is an ordinary relative path.
    static func problem(_ name: String, maximumBytes: Int) -> String? {
        if name.utf8.count > maximumBytes { return "an entry name longer than \(maximumBytes) bytes" }
        if name.utf8.contains(0) { return "an entry name with a NUL byte" }
        if name.hasPrefix("/") || name.hasPrefix("\\") { return "an absolute entry name (\(name))" }
        let scalars = Array(name.unicodeScalars.prefix(2))
        if scalars.count == 2, scalars[1] == ":", scalars[0].properties.isAlphabetic {
            return "an entry name with a drive letter (\(name))"
        }
        let components = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if components.contains("..") { return "an entry name that leaves the archive (\(name))" }
        return nil
    }
}
