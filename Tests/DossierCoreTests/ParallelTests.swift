@testable import DossierCore
import Foundation
import Testing

@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 3, 7, 1_000])
    func mapFromEndsTransformsEveryIndexOnceAndKeepsTheirOrder(count: Int) {
        let calls = Calls(count: count)
        let results = Parallel.mapFromEnds(count: count) { i -> String in
            calls.record(i)
            return "page \(i)"
        }
        #expect(results == (0..<count).map { "page \($0)" })
        #expect(calls.counts == Array(repeating: 1, count: count))
    }

    /// How many times each index was transformed, counted from every thread.
    private final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var counts: [Int]

        init(count: Int) { counts = Array(repeating: 0, count: count) }

        func record(_ i: Int) {
            lock.lock()
            counts[i] += 1
            lock.unlock()
        }
    }
}
