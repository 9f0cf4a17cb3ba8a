/// An ISO 8601 date that may be partial: `2025`, `2025-03` or `2025-08-16`.
///
/// A partial date sorts before any fuller date inside it, and is displayed at its own precision.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(_ text: String) {
        // YYYY, YYYY-MM or YYYY-MM-DD exactly, read as ASCII bytes: each field is its digits up to a dash.
        var fields = (0, 0, 0)
        var field = 0
        var length = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                guard length == (field == 0 ? 4 : 2), field < 2 else { return nil }
                field += 1
                length = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                let digit = Int(byte - UInt8(ascii: "0"))
                switch field {
                case 0: fields.0 = fields.0 * 10 + digit
                case 1: fields.1 = fields.1 * 10 + digit
                default: fields.2 = fields.2 * 10 + digit
                }
                length += 1
            } else {
                return nil
            }
        }
        guard length == (field == 0 ? 4 : 2) else { return nil }
        year = fields.0
        month = field >= 1 ? fields.1 : nil
        day = field == 2 ? fields.2 : nil
        if let month, !(1...12).contains(month) { return nil }
        if let day, !(1...PartialDate.daysIn(month: month!, year: year)).contains(day) { return nil }
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

    /// The date as one number, `20250816` for 16 August 2025 and `20250800` for August 2025: ordered as dates are
    /// (a partial date before the fuller dates inside it), and equal only for equal dates (months and days are never 0).
    var ordinal: Int { year * 10_000 + (month ?? 0) * 100 + (day ?? 0) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        a.ordinal < b.ordinal
    }

    private func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    private func format4(_ v: Int) -> String { String(repeating: "0", count: max(0, 4 - String(v).count)) + String(v) }
}
