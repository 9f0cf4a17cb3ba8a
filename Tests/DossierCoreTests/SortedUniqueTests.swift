@testable import DossierCore
import Testing

@Suite struct SortedUniqueTests {
    @Test func sortedUniqueKeepsEachElementOnceInAscendingOrder() {
        #expect([3, 1, 3, 2, 1, 3].sortedUnique() == [1, 2, 3])
        #expect([Int]().sortedUnique() == [])
        #expect([7].sortedUnique() == [7])
        #expect(["b", "a", "b"].sortedUnique() == ["a", "b"])
    }
}
