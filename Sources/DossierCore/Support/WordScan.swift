/// Tests on eight bytes at once, read as one 64-bit word: scans skip runs of bytes none of which matters.
enum WordScan {
    /// Nonzero when `word` holds `byte`. Exact about whether it does; a bit set above a match may be wrong, so the
    /// caller finds which byte matched one byte at a time.
    @inline(__always)
    static func has(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }
}
