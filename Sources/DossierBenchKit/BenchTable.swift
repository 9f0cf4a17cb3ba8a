import Foundation

/// The benchmark's table: one row per dossier size, phases in seconds, memory in MiB.
public enum BenchTable {
    public static let phases = ["load", "parse", "resolve", "render", "write"]

    public static var header: String {
        line(["briefs", "pages", "wall s", "cpu s", "sys s"] + phases + ["pages/s", "peak MiB"])
    }

    public static func row(_ r: BenchResult) -> String {
        let seconds = phases.map { name in r.phases.first { $0.name == name }.map { fixed($0.seconds, 3) } ?? "-" }
        return line([grouped(r.briefs), grouped(r.pages), fixed(r.wall, 3), fixed(r.cpu, 2), fixed(r.system, 2)] + seconds
                    + [grouped(Int(r.pagesPerSecond.rounded())), grouped(r.peakMemory / (1 << 20))])
    }

    /// How much longer the `large` dossier took than the `small` one, in wall and in CPU time (and in the kernel's
    /// part of it), beside how many times more briefs it has:
    /// `growth 10,000 → 100,000 briefs (10×): wall 11.23×, cpu 10.52× (system 14.10×), peak 1,416 MiB`.
    public static func growth(from small: BenchResult, to large: BenchResult) -> String {
        func ratio(_ a: Double, _ b: Double) -> String { b > 0 ? fixed(a / b, 2) + "×" : "-" }
        let times = small.briefs > 0 ? fixed(Double(large.briefs) / Double(small.briefs), 0) + "×" : "-"
        return "growth \(grouped(small.briefs)) → \(grouped(large.briefs)) briefs (\(times)): wall \(ratio(large.wall, small.wall)), "
            + "cpu \(ratio(large.cpu, small.cpu)) (system \(ratio(large.system, small.system))), peak \(grouped(large.peakMemory / (1 << 20))) MiB"
    }

    /// The preview's rebuilds after edits, in milliseconds: the rebuild's wall time (median, 90th percentile,
    /// worst), when the edited page was written (median, 90th percentile), and the CPU time the rebuild used
    /// (median).
    public static var editHeader: String {
        line(["briefs", "edit", "edits", "rebuild", "p90", "worst", "page", "page p90", "cpu"])
    }

    public static func editRow(_ r: EditResult) -> String {
        func ms(_ v: Double) -> String { String(Int((v * 1000).rounded())) }
        let rebuilds = r.rebuilds.sorted(), pages = r.editedPage.sorted()
        return line([grouped(r.briefs), r.kind, String(r.rebuilds.count), ms(percentile(rebuilds, 0.5)), ms(percentile(rebuilds, 0.9)),
                     ms(rebuilds.last ?? 0), ms(percentile(pages, 0.5)), ms(percentile(pages, 0.9)), ms(percentile(r.cpu.sorted(), 0.5))])
    }

    /// The value at fraction `p` of sorted `values` (the upper one of two middles).
    private static func percentile(_ values: [Double], _ p: Double) -> Double {
        values.isEmpty ? 0 : values[min(values.count - 1, Int(Double(values.count) * p))]
    }

    /// The build table's columns up to the last phase, 8 characters wide; `pages/s` and `peak MiB` take 9.
    private static let narrowColumns = 5 + phases.count

    private static func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, cell in
            let width = i < narrowColumns ? 8 : 9
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
