extension String {
    /// Calls `body` with the string's UTF-8 bytes: in place for a native string, which spares copying the string (a
    /// retain and a release) as `withUTF8` on a mutable copy does; through such a copy otherwise.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
