/// An ISO 8601 date that may be partial: `2025`, `2025-03` or `2025-08-16`.
///
/// A partial date sorts before any fuller date inside it, and is displayed at its own precision.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, let y = Int(parts[0]), parts[0].allSatisfy(\.isASCIIDigit) else { return nil }
        var m: Int?, d: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit), let v = Int(parts[1]), (1...12).contains(v) else { return nil }
            m = v
        }
        if parts.count == 3 {
            guard parts[2].count == 2, parts[2].allSatisfy(\.isASCIIDigit), let v = Int(parts[2]),
                  (1...PartialDate.daysIn(month: m!, year: y)).contains(v) else { return nil }
            d = v
        }
        year = y; month = m; day = d
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The ISO form, as written: `2025-03`.
    public var description: String {
        var s = String(format4(year))
        if let month { s += "-" + pad2(month) }
        if let day { s += "-" + pad2(day) }
        return s
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// The form for readers: `2025`, `March 2025`, `16 August 2025`.
    public var display: String {
        switch (month, day) {
        case let (m?, d?): return "\(d) \(Self.monthNames[m - 1]) \(year)"
        case let (m?, nil): return "\(Self.monthNames[m - 1]) \(year)"
        default: return String(year)
        }
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    private func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    private func format4(_ v: Int) -> String { String(repeating: "0", count: max(0, 4 - String(v).count)) + String(v) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
