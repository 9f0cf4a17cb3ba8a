/// Each brief's place in its array, by slug: what `[String: Int]` was, with a cheaper hash.
///
/// A build looks slugs up about 150 times per brief (references checked, linked, shown). Swift's dictionary hashes a
/// string with seeded SipHash, about 370 instructions a lookup here; this table hashes the bytes eight at a time
/// (`ContentHash`) and probes linearly, comparing strings only when the full 64-bit hashes agree. Slugs come from
/// the editor's own file names, so an unseeded hash risks nothing.
public struct SlugIndex: Sendable {
    private var slugs: [String] = []
    private var hashes: [UInt64] = []
    /// Entry number + 1 per slot (0: empty); the slot count is a power of two, at least twice the entries.
    private var slots: [Int32] = []
    /// How many different slugs.
    public private(set) var count = 0

    public init() {}

    /// `slugs[i]` ↦ `i`; a slug given twice keeps its last place.
    public init(_ slugs: [String]) {
        var capacity = 8
        while capacity < slugs.count * 2 { capacity <<= 1 }
        self.slugs = slugs
        hashes = slugs.map(ContentHash.of)
        slots = Array(repeating: 0, count: capacity)
        let mask = UInt64(capacity - 1)
        for i in slugs.indices {
            var slot = Int(hashes[i] & mask)
            while slots[slot] != 0, !(hashes[Int(slots[slot]) - 1] == hashes[i] && self.slugs[Int(slots[slot]) - 1] == slugs[i]) {
                slot = (slot + 1) & Int(mask)
            }
            if slots[slot] == 0 { count += 1 }
            slots[slot] = Int32(i + 1)
        }
    }

    public subscript(slug: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let hash = ContentHash.of(slug)
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(hash & UInt64(mask))
            while slots[slot] != 0 {
                let entry = Int(slots[slot]) - 1
                if hashes[entry] == hash, slugs[entry] == slug { return entry }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }
}
