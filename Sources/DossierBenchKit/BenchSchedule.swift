/// The order the benchmark's builds run in, and which run each size's row shows.
public enum BenchSchedule {
    /// Every size once per round, smallest first, for `runs` rounds. A shared host speeds up and slows down over the
    /// minutes a bench takes; when the rounds alternate, that drift weighs on every size alike instead of on the
    /// sizes built last, and the growth from one size to the next compares builds made minutes apart at most.
    public static func builds(sizes: [Int], runs: Int) -> [(briefs: Int, run: Int)] {
        (0..<max(1, runs)).flatMap { run in sizes.map { (briefs: $0, run: run) } }
    }

    /// The run with the median wall time (the slower of two middles).
    public static func median(_ results: [BenchResult]) -> BenchResult? {
        let sorted = results.sorted { $0.wall < $1.wall }
        return sorted.isEmpty ? nil : sorted[sorted.count / 2]
    }
}
