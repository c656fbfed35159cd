/// French typography for the fixed wording of the Markdown files: a no-break space
/// (U+00A0) before `:` `;` `?` `!` and inside « ».
enum French {
    static let noBreakSpace = "\u{00A0}"
    /// ` :` with a no-break space, followed by an ordinary space: `Référence : …`.
    static let colon = "\u{00A0}: "
    /// ` ; ` between items of a list.
    static let semicolon = "\u{00A0}; "
    /// The typographic apostrophe.
    static let apostrophe = "\u{2019}"

    /// `« text »` with no-break spaces inside the guillemets.
    static func quoted(_ text: String) -> String {
        "«\u{00A0}\(text)\u{00A0}»"
    }

    /// A decimal number with a decimal comma: `0,8123`.
    static func decimal(_ value: Double, decimals: Int = 4) -> String {
        DecimalText.fixed(value, decimals: decimals, decimalSeparator: ",") ?? "—"
    }

    /// An integer, grouped by thousands with no-break spaces from 10 000 up.
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 4 else { return String(value) }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: noBreakSpace)
    }

    /// `1 passage` / `2 passages`: French uses the singular for 0 and 1.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(value)) \(value < 2 ? singular : plural)"
    }
}
