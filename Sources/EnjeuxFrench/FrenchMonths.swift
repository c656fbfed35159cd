/// French month names as written in a date (`23 novembre 2026`): lowercase, January first.
package enum FrenchMonths {
    package static let names = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ]
}
