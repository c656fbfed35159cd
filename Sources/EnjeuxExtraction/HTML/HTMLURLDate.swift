/// A publication date written in a page's address, as news sites and blogs do
/// (`/2019/11/19/titre`, `/2019-11-19-titre`, `/20191119/`): the last resort when the page
/// states no date.
enum HTMLURLDate {
    /// `YYYY-MM-DD` from the path of `url`, or nil.
    static func date(in url: String?) -> String? {
        guard let url, let schemeEnd = url.range(of: "://") else { return nil }
        let afterHost = url[schemeEnd.upperBound...].drop { $0 != "/" }
        let path = afterHost.prefix { $0 != "?" && $0 != "#" }
        let parts = path.split { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." }.map(String.init)
        for index in parts.indices {
            if index + 2 < parts.count, let date = validated(parts[index], parts[index + 1], parts[index + 2]) {
                return date
            }
            let part = parts[index]
            if part.count == 8, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber) {
                let characters = Array(part)
                if let date = validated(
                    String(characters[0..<4]), String(characters[4..<6]), String(characters[6..<8]))
                {
                    return date
                }
            }
        }
        return nil
    }

    /// `year-month-day` when the three parts are a plausible date (1990 to 2099).
    private static func validated(_ year: String, _ month: String, _ day: String) -> String? {
        guard year.count == 4, (1...2).contains(month.count), (1...2).contains(day.count),
            let y = Int(year), let m = Int(month), let d = Int(day),
            (1990...2099).contains(y), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return "\(year)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}
