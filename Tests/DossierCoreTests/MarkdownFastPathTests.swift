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

    @Test func plainSentencesSkipCmarkAndComeOutAsCmarkRendersThem() {
        let renderer = MarkdownRenderer(allowHTML: false)
        let alphabet = Array("aZk q.,;:?()/%+=@$^{}|~#-'\"*_[]!<>&\\`é—09 ")
        var state: UInt64 = 42
        var plain = 0
        for _ in 0..<20_000 {
            var text = "A"
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            guard MarkdownRenderer.isPlainText(text) else { continue }
            plain += 1
            #expect(renderer.render(text, resolve: { _ in nil }).html == "<p>\(text)</p>\n", "\(text)")
            #expect(renderer.render(text, inline: true, resolve: { _ in nil }).html == text)
        }
        #expect(plain > 1_000)
    }

    @Test func textThatCmarkWouldChangeIsNotPlain() {
        for text in ["1. First", "- item", "# Title", "It's", "a -- b", "Wait...", "Trailing ", " Leading", "Two\nlines",
                     "Some *emphasis*", "Tom & Jerry", "A <b>tag</b>", "A [link](actor:x)", "Ends in é", "Back\\slash", ""] {
            #expect(!MarkdownRenderer.isPlainText(text), "\(text)")
        }
        #expect(MarkdownRenderer.isPlainText("Energy, sanctions (and aid): 2025/26 at 5% — done."))
    }
}
