import EnjeuxSupport
import Foundation
import Synchronization

/// A progress bar on standard error for a stage that works through documents, redrawn in
/// place on a terminal ("extract [#####-----] 12/40 documents, 3.1/s, 9 s left"). When
/// standard error is not a terminal (CI, pipes, files) it prints nothing: the stage's
/// one-line summary is all that shows. Safe to advance from several threads.
package final class ProgressBar: ProgressReporter {
    private struct State {
        var done = 0
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
    }

    private let label: String
    private let unit: String
    private let total: Int
    private let enabled: Bool
    private let started = ContinuousClock.now
    private let state = Mutex(State())

    /// Redraws at most this often.
    static let interval = Duration.milliseconds(100)

    /// - Parameters:
    ///   - label: the stage's name, shown first.
    ///   - total: the number of items to do.
    ///   - unit: what an item is, in the plural ("documents").
    ///   - enabled: whether to draw; by default, when standard error is a terminal.
    package init(label: String, total: Int, unit: String = "documents", enabled: Bool? = nil) {
        self.label = label
        self.total = total
        self.unit = unit
        self.enabled = enabled ?? (isatty(STDERR_FILENO) == 1)
    }

    /// Counts `count` more items done and redraws when it is time.
    package func advance(by count: Int = 1) {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            state.done += count
            let now = ContinuousClock.now
            if let last = state.lastDraw, now - last < Self.interval, state.done < total { return nil }
            state.lastDraw = now
            state.drawn = true
            return Self.line(
                label: label, done: state.done, total: total, unit: unit, elapsed: seconds(now - started))
        }
        if let line { Self.write("\r" + line + "\u{1B}[K") }
    }

    /// Clears the bar so that the stage's summary line takes its place.
    package func finish() {
        guard enabled else { return }
        let drawn = state.withLock { $0.drawn }
        if drawn { Self.write("\r\u{1B}[K") }
    }

    /// The text of the bar: label, bar, count, rate and time left (when it can be estimated).
    package static func line(
        label: String, done: Int, total: Int, unit: String = "documents", elapsed: Double, width: Int = 24
    ) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        var text = "\(label) [\(bar)] \(done)/\(total) \(unit)"
        guard elapsed > 0.05, done > 0 else { return text }
        let rate = Double(done) / elapsed
        text += rate >= 10 ? String(format: ", %.0f/s", rate) : String(format: ", %.1f/s", rate)
        if done < total {
            text += ", " + remaining(Double(total - done) / rate) + " left"
        }
        return text
    }

    /// "9 s", "2 min 05 s", "1 h 03 min".
    static func remaining(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return String(format: "%d min %02d s", whole / 60, whole % 60) }
        return String(format: "%d h %02d min", whole / 3600, (whole % 3600) / 60)
    }

    private func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Bars labelled by the stage, drawn when standard error is a terminal.
    package static let factory: ProgressFactory = { label, total in ProgressBar(label: label, total: total) }
}
