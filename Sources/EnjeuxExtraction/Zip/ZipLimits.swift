/// What a zip archive (a Word or OpenDocument file) may make the extractor read. A file past
/// a limit is refused whole, before or while its entries are inflated, so that a zip bomb costs
/// at most a few megabytes of memory and a fraction of a second.
package struct ZipLimits: Sendable, Hashable {
    /// Entries in the central directory.
    package var maximumEntries = 10_000
    /// Bytes of an entry name.
    package var maximumNameBytes = 1024
    /// Inflated bytes of one entry read (a 5,000-page Word document's `document.xml` is about 50 MB).
    package var maximumEntryBytes = 64 << 20
    /// Inflated bytes of all the entries read from one archive.
    package var maximumTotalBytes = 128 << 20
    /// Inflated bytes per compressed byte, checked once an entry has given `ratioAllowance`
    /// bytes (XML compresses 5 to 30 times; a zip bomb about 1,000 times).
    package var maximumRatio = 100
    package var ratioAllowance = 1 << 20

    package init() {}
}
