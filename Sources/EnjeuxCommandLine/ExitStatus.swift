/// Exit statuses shared by every `enjeux-*` executable (documented in README.md).
package enum ExitStatus: Int32, Sendable {
    /// Everything went well.
    case success = 0
    /// An unexpected internal error.
    case internalError = 1
    /// One or more documents failed; the others were processed and the outputs written.
    case documentsFailed = 3
    /// Wrong command-line usage (the argument parser's own status).
    case usage = 64
    /// An input file is invalid: a lexicon with errors, a corrupt intermediate file.
    case invalidInput = 65
    /// An input is missing: no such corpus folder, an empty corpus, no lexicon file.
    case missingInput = 66
    /// A program the command needs is missing or failed (pandoc for `enjeux-brief`); what
    /// could be written without it was.
    case unavailable = 69
    /// An output could not be written.
    case cannotWrite = 73
    /// Another run is writing the same work or output folder (`RunLock`); nothing was done.
    case busy = 75
}

/// An error that ends a stage with a one-line message and a given exit status.
package struct StageError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var status: ExitStatus

    package init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    package var description: String { message }
}
