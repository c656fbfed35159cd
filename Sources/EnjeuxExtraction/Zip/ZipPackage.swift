import EnjeuxModel
import Foundation
import ZIPFoundation

/// A zip archive opened to read a few of its entries by name (the parts of a Word or
/// OpenDocument file), through ZIPFoundation, within `ZipLimits`. Opening checks the
/// directory (entry count, entry names, entries that cannot be read, such as encrypted ones);
/// reading inflates an entry as a stream and stops as soon as a limit is passed.
package final class ZipPackage {
    /// Names of the entries, as the directory lists them.
    package let names: [String]
    /// True when the directory lists entries that cannot be read (encrypted with the zip
    /// format's own password scheme, or damaged).
    package let hasUnreadableEntries: Bool
    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: ZipLimits
    private var bytesRead = 0

    package init(url: URL, limits: ZipLimits = ZipLimits()) throws(ExtractionFailure) {
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .damagedDocument(detail: "not a readable zip archive")
        }
        self.limits = limits
        var names: [String] = []
        var entries: [String: Entry] = [:]
        for entry in archive {
            if names.count == limits.maximumEntries {
                throw .tooLarge(detail: "a zip archive of more than \(limits.maximumEntries) entries")
            }
            let name = entry.path
            if let problem = ZipEntryName.problem(name, maximumBytes: limits.maximumNameBytes) {
                throw .notADocument(detail: "unsafe zip archive: \(problem)")
            }
            names.append(name)
            if entries[name] == nil { entries[name] = entry }
        }
        self.names = names
        self.entries = entries
        let declared = ZipDirectoryCount.declaredEntries(of: url)
        hasUnreadableEntries = declared.map { $0 > names.count } ?? false
    }

    package func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The inflated bytes of an entry, or nil when the archive has none of that name.
    package func read(_ name: String) throws(ExtractionFailure) -> [UInt8]? {
        guard let entry = entries[name], entry.type == .file else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        if declared > limits.maximumEntryBytes || bytesRead + declared > limits.maximumTotalBytes {
            throw tooLarge(name, declared: declared)
        }
        let compressed = max(1, Int(clamping: entry.compressedSize))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(declared, limits.maximumEntryBytes))
        let limits = self.limits
        let alreadyRead = bytesRead
        do {
            let checksum = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                let produced = bytes.count + chunk.count
                if produced > limits.maximumEntryBytes || alreadyRead + produced > limits.maximumTotalBytes {
                    throw ZipLimitPassed.size
                }
                if produced > limits.ratioAllowance, produced / compressed > limits.maximumRatio {
                    throw ZipLimitPassed.ratio
                }
                chunk.withUnsafeBytes { bytes.append(contentsOf: $0) }
            }
            guard checksum == entry.checksum else {
                throw ExtractionFailure.damagedDocument(detail: "zip entry \(name) fails its checksum")
            }
        } catch ZipLimitPassed.size {
            throw tooLarge(name, declared: nil)
        } catch ZipLimitPassed.ratio {
            throw .tooLarge(
                detail: "zip entry \(name) inflates more than \(limits.maximumRatio) times: refused as a zip bomb")
        } catch let failure as ExtractionFailure {
            throw failure
        } catch {
            throw .damagedDocument(detail: "zip entry \(name) cannot be inflated")
        }
        bytesRead += bytes.count
        return bytes
    }

    private func tooLarge(_ name: String, declared: Int?) -> ExtractionFailure {
        let megabytes = { (bytes: Int) in "\(bytes >> 20) MB" }
        if let declared, declared > limits.maximumEntryBytes {
            return .tooLarge(
                detail:
                    "zip entry \(name) holds \(megabytes(declared)), more than \(megabytes(limits.maximumEntryBytes)): "
                    + "refused as a zip bomb")
        }
        return .tooLarge(
            detail: "zip entries inflate past \(megabytes(limits.maximumEntryBytes)) (\(name)): refused as a zip bomb")
    }
}

/// Thrown from the inflating closure to stop it at a limit.
private enum ZipLimitPassed: Error {
    case size
    case ratio
}
