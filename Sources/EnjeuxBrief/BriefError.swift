/// Why a brief cannot be made: the file (and line) at fault and what is wrong with it.
package struct BriefError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is, which decides the exit status.
    package enum Kind: Sendable, Hashable {
        /// A file that should exist does not (evidence, selection, style, template).
        case missingInput
        /// A file exists but cannot be used (malformed evidence, an unknown passage id).
        case invalidInput
        /// An option names something that does not exist (an unknown issue).
        case usage
    }

    package var kind: Kind
    /// The file at fault, as the user gave it (empty for an option).
    package var path: String
    /// 1-based line in `path`, when the problem is on one line.
    package var line: Int?
    package var message: String

    package init(_ kind: Kind, path: String, line: Int? = nil, message: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: message`, `path: message` or the message alone.
    package var description: String {
        guard !path.isEmpty else { return message }
        guard let line else { return "\(path): \(message)" }
        return "\(path):\(line): \(message)"
    }
}
