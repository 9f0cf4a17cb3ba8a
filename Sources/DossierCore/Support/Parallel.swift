import Dispatch

/// Work spread over every core, results kept in input order.
enum Parallel {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        buffer.initialize(repeating: nil)
        defer {
            buffer.deinitialize()
            buffer.deallocate()
        }
        items.withUnsafeBufferPointer { input in
            DispatchQueue.concurrentPerform(iterations: input.count) { i in
                buffer[i] = transform(input[i])
            }
        }
        return buffer.map { $0! }
    }
}

