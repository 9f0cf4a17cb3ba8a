import DossierCore
import Testing

@Suite struct SlugIndexTests {
    @Test func everySlugIsFoundAtItsPlaceAndOthersAreNot() {
        let slugs = (0..<1_000).map { "actor-\($0)" } + ["a", "", "é-non-ascii", String(repeating: "long-", count: 20)]
        let index = SlugIndex(slugs)
        #expect(index.count == slugs.count)
        for (i, slug) in slugs.enumerated() { #expect(index[slug] == i) }
        #expect(index["actor-1000"] == nil)
        #expect(index["Actor-1"] == nil)
        #expect(index["b"] == nil)
    }

    @Test func aSlugGivenTwiceKeepsItsLastPlace() {
        let index = SlugIndex(["italy", "france", "italy"])
        #expect(index["italy"] == 2)
        #expect(index["france"] == 1)
        #expect(index.count == 2)
    }

    @Test func anEmptyIndexFindsNothing() {
        #expect(SlugIndex()["italy"] == nil)
        #expect(SlugIndex([])["italy"] == nil)
        #expect(SlugIndex().count == 0)
    }
}
