/// A small deterministic pseudo-random generator (SplitMix64): the same seed gives the same sequence on every
/// machine and Swift version, which the standard library's generators and sampling algorithms do not promise.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A number in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// `k` distinct items (fewer when there are fewer), in the order drawn.
    mutating func sample<T>(_ items: [T], _ k: Int) -> [T] {
        let k = min(k, items.count)
        var chosen: [Int] = []
        while chosen.count < k {
            let i = int(0...(items.count - 1))
            if !chosen.contains(i) { chosen.append(i) }
        }
        return chosen.map { items[$0] }
    }
}
