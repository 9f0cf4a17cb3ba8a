import Testing
@testable import DossierCore

@Suite struct HeadingLevelsTests {
    @Test func aBodyUnderASectionHeadingStartsAtH3() {
        let html = "<p>Lead</p>\n<h2>Arguments</h2>\n<h3>For</h3>\n"
        #expect(HeadingLevels.nested(html, top: 3) == "<p>Lead</p>\n<h3>Arguments</h3>\n<h4>For</h4>\n")
    }

    @Test func aBodyThatUsesH1MovesDownToTheLevelAsked() {
        #expect(HeadingLevels.nested("<h1>Title</h1><h2>Part</h2>", top: 2) == "<h2>Title</h2><h3>Part</h3>")
    }

    @Test func levelsStopAtH6AndAttributesAreKept() {
        #expect(HeadingLevels.nested("<h2 id=\"a\">A</h2><h6>Deep</h6>", top: 3) == "<h3 id=\"a\">A</h3><h6>Deep</h6>")
    }

    @Test func textThatOnlyLooksLikeATagIsLeftAlone() {
        let html = "<h2>Heads</h2><hr>\n<header>x</header><p>&lt;h2&gt; and <code>&lt;h1&gt;</code></p>"
        #expect(HeadingLevels.nested(html, top: 3) == "<h3>Heads</h3><hr>\n<header>x</header><p>&lt;h2&gt; and <code>&lt;h1&gt;</code></p>")
    }

    @Test func aBodyWithoutHeadingsIsReturnedUnchanged() {
        #expect(HeadingLevels.nested("<p>Just text</p>", top: 3) == "<p>Just text</p>")
    }

    @Test func aProposalBodyIsNestedBelowItsSectionHeading() {
        let fixture = Fixture()
        fixture.write("proposals/meloni-guarantee.md", Fixture.valid["proposals/meloni-guarantee.md"]! + "\n## Background\n\nText.\n")
        _ = fixture.build()
        let page = fixture.page("proposals/meloni-guarantee/index.html")
        #expect(page.contains("<h3>Background</h3>"))
        #expect(!page.contains("<h2>Background</h2>"))
    }
}

private extension HeadingLevels {
    /// `html` with its headings nested in place, as the Markdown renderer does to cmark's output.
    static func nested(_ html: String, top: Int) -> String {
        var bytes = Array(html.utf8)
        bytes.withUnsafeMutableBufferPointer { nest($0, top: top) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
