import Dispatch

/// Work spread over every core, results kept in input order.
enum Parallel {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        items.withUnsafeBufferPointer { input in
            DispatchQueue.concurrentPerform(iterations: input.count) { i in
                buffer[i] = transform(input[i])
            }
        }
        // The results are moved out, not copied: copying a result retains everything in it, and releasing the
        // copies left behind would cost as much again, on one core.
        return Array(unsafeUninitializedCapacity: items.count) { out, count in
            for i in 0..<items.count { (out.baseAddress! + i).initialize(to: (buffer.baseAddress! + i).move()!) }
            count = items.count
        }
    }

    /// Changes each item in place with `change`, on every core.
    static func update<T>(_ items: inout [T], _ change: (inout T) -> Void) {
        items.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: buffer.count) { i in change(&base[i]) }
        }
    }

    /// `first` and `second`, side by side. Neither should spread its own work over the cores: libdispatch gives an
    /// apply nested in another only its share of them, which on two cores is one.
    static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        var a: A?
        var b: B?
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 { a = first() } else { b = second() }
                }
            }
        }
        return (a!, b!)
    }
}
