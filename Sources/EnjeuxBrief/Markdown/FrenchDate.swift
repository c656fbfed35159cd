import EnjeuxFrench

/// A date as French writes it under a title: `23 novembre 2026`, `1er mai 2026`.
package enum FrenchDate {
    /// The date of `year`, `month` (1–12) and `day`; nil when the month is out of range.
    package static func long(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return "\(day == 1 ? "1er" : String(day)) \(FrenchMonths.names[month - 1]) \(year)"
    }
}
