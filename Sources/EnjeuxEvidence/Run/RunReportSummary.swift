extension RunReport {
    /// The one-line summary `make analyze` ends with: documents, pages, passages, failures,
    /// ranked passages and where the evidence is ("14 documents (1 failed), 120 pages, 334
    /// passages; 311 passages ranked over 10 issues; evidence in Evidence/index.html").
    package func summaryLine(evidenceFolder: String) -> String {
        let failed = failures.isEmpty ? "" : " (\(failures.count) failed)"
        let ranked = issues.reduce(0) { $0 + $1.shown }
        let empty = issues.filter { $0.shown == 0 }.count
        var line =
            "\(count(documents, "document"))\(failed), \(count(pages, "page")), \(count(passages, "passage")); "
            + "\(count(ranked, "passage")) ranked over \(count(issues.count, "issue"))"
        if empty > 0 { line += " (\(empty) without any)" }
        if !ignoredFiles.isEmpty {
            let counts = IgnoredFileCounts(ignoredFiles)
            var kinds: [String] = []
            if !counts.unsupported.isEmpty { kinds.append(counts.extensionList(noExtension: "without extension")) }
            if counts.lockFiles > 0 { kinds.append(count(counts.lockFiles, "lock file")) }
            if counts.hidden > 0 { kinds.append("\(counts.hidden) hidden") }
            line += "; \(count(ignoredFiles.count, "file")) not read (\(kinds.joined(separator: ", ")))"
        }
        let folder = evidenceFolder.hasSuffix("/") ? String(evidenceFolder.dropLast()) : evidenceFolder
        return line + "; evidence in \(folder)/index.html"
    }

    private func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
