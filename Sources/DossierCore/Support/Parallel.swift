import Dispatch
import Foundation

/// Work spread over every core, results kept in input order.
enum Parallel {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        return gathered(count: items.count) { buffer in
            items.withUnsafeBufferPointer { input in
                DispatchQueue.concurrentPerform(iterations: input.count) { i in
                    buffer[i] = transform(input[i])
                }
            }
        }
    }

    /// `transform` of every index in `0..<count`, on every core, results in index order. Where `map`'s threads take
    /// the next index in turn, here the indexes are split into one run per two threads, each worked from both of its
    /// ends at once; a thread whose run is done helps with the longest run left. So the threads work far apart in
    /// the list: a site's writers make their pages' folders in different section folders, instead of waiting in
    /// turn for the lock the kernel holds on a folder while it makes a folder in it.
    static func mapFromEnds<R>(count: Int, _ transform: (Int) -> R) -> [R] {
        if count < 2 { return (0..<count).map(transform) }
        let threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        let runs = Runs(count: count, runs: (threads + 1) / 2)
        return gathered(count: count) { buffer in
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                while let i = runs.take(run: thread / 2, fromBack: thread % 2 == 1) { buffer[i] = transform(i) }
            }
        }
    }

    /// The `count` results that `fill` puts in a buffer, one per slot.
    ///
    /// The results are moved out, not copied: copying a result retains everything in it, and releasing the copies
    /// left behind would cost as much again, on one core.
    private static func gathered<R>(count: Int, _ fill: (UnsafeMutableBufferPointer<R?>) -> Void) -> [R] {
        let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        fill(buffer)
        return Array(unsafeUninitializedCapacity: count) { out, made in
            for i in 0..<count { (out.baseAddress! + i).initialize(to: (buffer.baseAddress! + i).move()!) }
            made = count
        }
    }

    /// The indexes not yet taken of `mapFromEnds`' runs.
    private final class Runs: @unchecked Sendable {
        private let lock = NSLock()
        /// The first and the last index left of each run; a run is done when its first is past its last.
        private var first: [Int]
        private var last: [Int]

        init(count: Int, runs: Int) {
            first = (0..<runs).map { $0 * count / runs }
            last = (0..<runs).map { ($0 + 1) * count / runs - 1 }
        }

        /// The next index of `run` from its start or its end; once `run` is done, of the run with the most left.
        func take(run: Int, fromBack: Bool) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            var run = run
            if first[run] > last[run] {
                guard let longest = first.indices.max(by: { last[$0] - first[$0] < last[$1] - first[$1] }),
                      first[longest] <= last[longest] else { return nil }
                run = longest
            }
            if fromBack {
                last[run] -= 1
                return last[run] + 1
            }
            first[run] += 1
            return first[run] - 1
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
