extension String {
    /// The substring between two Unicode-scalar offsets (the unit of `Token` offsets).
    /// Offsets out of range are clamped.
    public func scalarSlice(_ start: Int, _ end: Int) -> String {
        let scalars = unicodeScalars
        let count = scalars.count
        let lower = Swift.max(0, Swift.min(start, count))
        let upper = Swift.max(lower, Swift.min(end, count))
        let from = scalars.index(scalars.startIndex, offsetBy: lower)
        let to = scalars.index(from, offsetBy: upper - lower)
        return String(scalars[from..<to])
    }
}
