/// A JSON value written by hand so that the bytes never depend on the platform's encoder:
/// keys sorted, no whitespace, numbers with at most four decimals, UTF-8 left unescaped.
enum JSONText: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written rounded to four decimals, trailing zeros removed but one kept (`0.5`, `2.0`).
    case number(Double)
    case string(String)
    case array([JSONText])
    case object([String: JSONText])

    static func optional(_ value: String?) -> JSONText { value.map(JSONText.string) ?? .null }
    static func optional(_ value: Int?) -> JSONText { value.map(JSONText.int) ?? .null }

    /// The compact serialisation.
    var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .number(let value): out += DecimalText.fixed(value, decimals: 4, decimalSeparator: ".") ?? "null"
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let values):
            out += "["
            for (offset, value) in values.enumerated() {
                if offset > 0 { out += "," }
                value.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (offset, key) in keys.enumerated() {
                if offset > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                members[key]?.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// Decimal numbers written the same way on every platform and in every locale.
enum DecimalText {
    /// `value` rounded to `decimals` places, trailing zeros removed but at least one decimal
    /// kept (`0.5`, `2.0`, `0.1235`); nil for infinities and NaN.
    static func fixed(_ value: Double, decimals: Int, decimalSeparator: String) -> String? {
        guard value.isFinite else { return nil }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else { return nil }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let whole = units / divisor
        var fraction = String(units % divisor)
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && units != 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole)\(decimalSeparator)\(fraction)"
    }
}
