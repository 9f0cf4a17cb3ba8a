@testable import DossierCore
import Testing

/// The byte-level shortcuts of Markdown.swift give what the Character-level code gave.
@Suite struct MarkdownFastPathTests {
    @Test func aCrossReferenceIsReadWithItsFragmentWhetherOrNotTheURLIsASCII() throws {
        let ascii = try #require(CrossReference(url: "actor:giorgia-meloni#positions", line: 1, column: 1))
        #expect(ascii.kind == .actor && ascii.slug == "giorgia-meloni" && ascii.fragment == "positions")
        let accented = try #require(CrossReference(url: "page:présentation", line: 1, column: 1))
        #expect(accented.kind == .page && accented.slug == "présentation" && accented.fragment == nil)
        for url in ["actors:nato", "https://example.org/#x", "mailto:a@b", "actor", "Actor:nato"] {
            #expect(CrossReference(url: url, line: 1, column: 1) == nil, "\(url)")
        }
    }

    @Test func onlyASingleParagraphIsUnwrapped() {
        #expect(MarkdownRenderer.unwrapSingleParagraph("<p>a <em>b</em></p>\n") == "a <em>b</em>")
        #expect(MarkdownRenderer.unwrapSingleParagraph("<p></p>\n") == "")
        for html in ["<p>a</p>\n<p>b</p>\n", "<ul>\n<li>a</li>\n</ul>\n", "<p>a</p>", "<p>\u{301}a</p>\n"] {
            #expect(MarkdownRenderer.unwrapSingleParagraph(html) == html, "\(html)")
        }
    }
}
