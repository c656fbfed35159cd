/// What pandoc is asked to do for one output of a brief: the arguments of one run, which reads
/// the brief's Markdown and writes one DOCX or ODT file with citeproc.
package struct PandocCommand: Sendable, Hashable {
    /// The output formats of a brief, as pandoc names them (and as the files end).
    package enum Format: String, Sendable, Hashable, CaseIterable {
        case docx
        case odt
    }

    package var markdown: String
    package var bibliography: String
    package var style: String
    package var format: Format
    /// A `.docx` or `.odt` file whose styles the output takes (`--reference-doc`).
    package var referenceDocument: String?
    package var output: String

    package init(
        markdown: String, bibliography: String, style: String, format: Format, referenceDocument: String?,
        output: String
    ) {
        self.markdown = markdown
        self.bibliography = bibliography
        self.style = style
        self.format = format
        self.referenceDocument = referenceDocument
        self.output = output
    }

    /// Pandoc's arguments. The format is given, not guessed from the output's name (a
    /// temporary name until the file is complete); the bibliography and the style override
    /// the header's (relative to the Markdown's folder there).
    package var arguments: [String] {
        var arguments = [
            "--from=markdown", "--to=\(format.rawValue)", "--citeproc", "--bibliography=\(bibliography)",
            "--csl=\(style)",
        ]
        if let referenceDocument { arguments.append("--reference-doc=\(referenceDocument)") }
        arguments += ["--output=\(output)", "--", markdown]
        return arguments
    }
}

/// Where the CSL styles of Debian's `citation-style-language-styles` are, and the default one.
package enum CSLStyles {
    package static let folder = "/usr/share/citation-style-language/styles"
    /// APA 7th edition.
    package static let defaultName = "apa"

    /// The file of a style given as a path or as a name of the styles folder (`apa`,
    /// `apa-no-ampersand.csl`): a name without `/` is looked up there when no such file is in
    /// the current folder.
    package static func path(for style: String, exists: (String) -> Bool) -> String {
        guard !style.contains("/"), !exists(style) else { return style }
        let name = style.hasSuffix(".csl") ? style : style + ".csl"
        return folder + "/" + name
    }
}
