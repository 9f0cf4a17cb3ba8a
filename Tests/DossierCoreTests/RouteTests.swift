@testable import DossierCore
import Testing

@Suite struct RouteTests {
    @Test func concatenatingPutsThePartsOneAfterTheOtherWhateverTheirLengthAndScript() {
        #expect(String.concat("a", "b") == "ab")
        #expect(String.concat("", "") == "")
        #expect(String.concat("../../", "actors/", "giorgia-meloni-president-of-the-council", "/", "#positions")
                == "../../actors/giorgia-meloni-president-of-the-council/#positions")
        #expect(String.concat("Zelens'kyj ", "Зеленський", " 🇺🇦") == "Zelens'kyj Зеленський 🇺🇦")
        let long = String(repeating: "x", count: 1_000)
        #expect(String.concat(long, "-", long).utf8.count == 2_001)
    }

    @Test func aLinkToAPageClimbsToTheRootThenDescends() {
        #expect(Route.href(to: .brief(.actor, "italy"), fromDepth: 2) == "../../actors/italy/")
        #expect(Route.href(to: .brief(.proposal, "plan"), fromDepth: 1, fragment: "positions") == "../proposals/plan/#positions")
        #expect(Route.href(to: .brief(.page, "about"), fromDepth: 0) == "about/")
        #expect(Route.href(to: .home, fromDepth: 2) == "../../")
        #expect(Route.href(to: .home, fromDepth: 0) == "./")
        #expect(Route.href(to: .home, fromDepth: 0, fragment: "top") == "./#top")
        #expect(Route.href(to: .brief(.source, "afp"), fromDepth: 3) == "../../../sources/afp/")
    }

    @Test func aLinkByPathAgreesWithALinkByPage() {
        for id: PageID in [.home, .brief(.actor, "italy"), .brief(.page, "about"), .brief(.source, "afp")] {
            for depth in 0...3 { #expect(Route.href(Route.path(id), fromDepth: depth) == Route.href(to: id, fromDepth: depth)) }
        }
    }
}
