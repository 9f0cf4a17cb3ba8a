import Foundation

/// The benchmark's table: one row per dossier size, phases in seconds, memory in MiB.
public enum BenchTable {
    public static let phases = ["load", "parse", "resolve", "render", "write"]

    public static var header: String {
        line(["briefs", "pages", "wall s", "cpu s"] + phases + ["pages/s", "peak MiB"])
    }

    public static func row(_ r: BenchResult) -> String {
        let seconds = phases.map { name in r.phases.first { $0.name == name }.map { fixed($0.seconds, 3) } ?? "-" }
        return line([grouped(r.briefs), grouped(r.pages), fixed(r.wall, 3), fixed(r.cpu, 2)] + seconds
                    + [grouped(Int(r.pagesPerSecond.rounded())), grouped(r.peakMemory / (1 << 20))])
    }

    private static func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, cell in
            let width = i < 9 ? 8 : 9
            return String(repeating: " ", count: max(0, width - cell.count)) + cell
        }.joined(separator: " ")
    }

    private static func fixed(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }

    /// `12,345`.
    private static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
