import Foundation

/// Dates as the run records write them (ISO 8601 in UTC, to the second) and as people read
/// them (the local date and time, to the minute).
public enum ISODate {
    /// `2026-12-07T14:12:00Z`.
    public static func utc(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// An ISO 8601 date and time (`2026-12-07T14:12:00Z`) as `2026-12-07 09:12` in `timeZone`;
    /// nil when the text is not one.
    public static func localMinute(_ iso: String, timeZone: TimeZone = .current) -> String? {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime]
        guard let date = parser.date(from: iso) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
