import Dispatch

/// Wall time spent in each named phase of a build, in the order the phases first ran.
///
/// Work that interleaves two phases on every core (reading and parsing files, rendering and writing pages) is
/// timed once as a whole; `split` shares that wall time between the phases in proportion to the CPU time the
/// workers spent in each, so that the phases always add up to the build's wall time.
final class PhaseTimer {
    private(set) var phases: [(name: String, seconds: Double)] = []

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func seconds(since start: UInt64) -> Double { Double(now() - start) / 1e9 }

    func add(_ name: String, _ seconds: Double) {
        if let i = phases.firstIndex(where: { $0.name == name }) {
            phases[i].seconds += seconds
        } else {
            phases.append((name, seconds))
        }
    }

    func timed<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let start = Self.now()
        defer { add(name, Self.seconds(since: start)) }
        return try work()
    }

    /// Times `work` as a whole and shares its wall time between phases by the CPU seconds it reports for each.
    func split<T>(_ work: () throws -> (T, [(name: String, seconds: Double)])) rethrows -> T {
        let start = Self.now()
        let (value, shares) = try work()
        let wall = Self.seconds(since: start)
        let total = shares.reduce(0) { $0 + $1.seconds }
        for share in shares {
            add(share.name, total > 0 ? wall * share.seconds / total : wall / Double(shares.count))
        }
        return value
    }
}
