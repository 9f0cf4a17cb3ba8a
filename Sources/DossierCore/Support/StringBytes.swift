extension String {
    /// Calls `body` with the string's UTF-8 bytes: in place for a native string, which spares copying the string (a
    /// retain and a release) as `withUTF8` on a mutable copy does; through such a copy otherwise.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// The parts one after the other, made with one allocation and a copy of each part's bytes. `a + b + c` makes and
    /// grows a string for each `+`, about 430 instructions each; links and anchors are made this way by the thousand.
    static func concat(_ a: String, _ b: String, _ c: String = "", _ d: String = "", _ e: String = "") -> String {
        let count = a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            func put(_ part: String) {
                part.withUTF8Bytes { bytes in
                    guard let source = bytes.baseAddress else { return }
                    (buffer.baseAddress! + at).update(from: source, count: bytes.count)
                    at += bytes.count
                }
            }
            put(a)
            put(b)
            put(c)
            put(d)
            put(e)
            return at
        }
    }
}
