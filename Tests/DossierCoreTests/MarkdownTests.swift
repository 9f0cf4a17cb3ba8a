import Testing
@testable import DossierCore

@Suite struct MarkdownTests {
    let renderer = MarkdownRenderer(allowHTML: false)

    private func resolveAll(_ ref: CrossReference) -> ResolvedLink? {
        ref.slug == "missing" ? nil : ResolvedLink(href: "../../\(ref.kind.folder)/\(ref.slug)/" + (ref.fragment.map { "#" + $0 } ?? ""),
                                                   name: "Name of \(ref.slug)")
    }

    @Test func everyKindOfReferenceIsRewrittenToItsPage() {
        let out = renderer.render("[a](actor:x) [p](proposal:y) [s](source:z) [web](https://example.org)", resolve: resolveAll)
        #expect(out.html == "<p><a href=\"../../actors/x/\">a</a> <a href=\"../../proposals/y/\">p</a> <a href=\"../../sources/z/\">s</a> <a href=\"https://example.org\">web</a></p>\n")
        #expect(out.references.map(\.kind) == [.actor, .proposal, .source])
    }

    @Test func aFreePageCanBeLinkedToo() {
        let out = renderer.render("[how we work](page:about)", resolve: resolveAll)
        #expect(out.html == "<p><a href=\"../../pages/about/\">how we work</a></p>\n")
        #expect(out.references.map(\.kind) == [.page])
    }

    @Test func anAutolinkTakesTheTargetsNameAndAFragmentIsKept() {
        let out = renderer.render("See <actor:giorgia-meloni> and [her stance](actor:giorgia-meloni#positions).", resolve: resolveAll)
        #expect(out.html == "<p>See <a href=\"../../actors/giorgia-meloni/\">Name of giorgia-meloni</a> and <a href=\"../../actors/giorgia-meloni/#positions\">her stance</a>.</p>\n")
        #expect(out.references.last?.fragment == "positions")
    }

    @Test func aReferenceReportsItsLineAndColumnInTheFile() {
        let out = renderer.render("First line.\n\nSome text with [x](actor:missing).", line: 10, resolve: resolveAll)
        #expect(out.references.count == 1)
        #expect(out.references[0].line == 12 && out.references[0].column == 16)
    }

    @Test func inlineTextFromFrontMatterIsOffsetByItsColumn() {
        let out = renderer.render("Said [here](source:missing).", line: 7, column: 11, inline: true, resolve: resolveAll)
        #expect(out.references[0].line == 7 && out.references[0].column == 16)
        #expect(out.html == "Said <a href=\"source:missing\">here</a>.")
    }

    @Test func rawHTMLIsOmittedUnlessTheSiteOptsIn() {
        let text = "<script>alert(1)</script>\n\nHi <b>there</b> [x](javascript:alert(1))\n"
        let safe = renderer.render(text, resolve: resolveAll).html
        #expect(!safe.contains("<script>") && !safe.contains("<b>") && !safe.contains("javascript:"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        let unsafe = MarkdownRenderer(allowHTML: true).render(text, resolve: resolveAll).html
        #expect(unsafe.contains("<script>alert(1)</script>") && unsafe.contains("<b>there</b>"))
    }

    @Test func otherSchemesAreLeftAlone() {
        let out = renderer.render("[mail](mailto:a@b.c) [tel](tel:123) <https://x.org>", resolve: resolveAll)
        #expect(out.references.isEmpty)
        #expect(out.html.contains("href=\"mailto:a@b.c\"") && out.html.contains("href=\"https://x.org\""))
    }
}

@Suite struct SuspiciousLinkTests {
    @Test func aLinkWithAMisspeltKindIsAWarningWithTheIntendedReference() {
        let fixture = Fixture(changing: ["pages/about.md": "---\ntitle: About\n---\nSee [NATO](actors:nato) and [Italy](Actor:italy) and [web](https://x.org).\n"])
        #expect(fixture.messages() == [
            "pages/about.md:4:5: warning: link to 'actors:nato' is not a cross-reference (did you mean 'actor:nato'?)",
            "pages/about.md:4:29: warning: link to 'Actor:italy' is not a cross-reference (did you mean 'actor:italy'?)",
        ])
    }
}
