/// French typography puts a no-break space inside « guillemets » and before `:` and
/// `%`; word processors write U+00A0 there, but poppler reports every space between
/// words as U+0020. Those spaces are restored so quotes keep their exact characters.
enum PDFFrenchSpacing {
    static let noBreakSpace: Unicode.Scalar = "\u{00A0}"

    static func restoreNoBreakSpaces(in scalars: inout [Unicode.Scalar]) {
        guard scalars.count >= 2 else { return }
        for index in scalars.indices where scalars[index] == " " {
            let before = index > 0 ? scalars[index - 1] : " "
            let after = index + 1 < scalars.count ? scalars[index + 1] : " "
            if before == "«" || after == "»" || after == ":" || after == "%" {
                scalars[index] = noBreakSpace
            }
        }
    }
}
