import Foundation

/// Keeps a page's outline in order when a template places a Markdown body below its own headings.
///
/// A brief's body may use `#` or `##` for its sections; on a page whose title is the `h1` and whose
/// body sits in a section headed by an `h2`, those headings must start at `h3`.
enum HeadingLevels {
    /// The level of the highest heading of a body on a page `depth` folders deep: `h3` on a brief's page (`/proposals/x/`),
    /// below the title's `h1` and the `h2` of the section holding the body; `h2` on a free page and on the home
    /// page, whose body follows the title.
    static func top(atDepth depth: Int) -> Int {
        depth >= 2 ? 3 : 2
    }

    /// Shifts every heading of engine-made HTML, in place, so the highest one becomes `h<top>` (deeper ones follow,
    /// capped at h6). Only the level digits change, so the HTML keeps its length: the Markdown renderer applies this
    /// to cmark's own output before copying it into a string, instead of copying the whole body a second time.
    ///
    /// Only `<hN>`, `<hN …>` and `</hN>` tags are touched; cmark escapes `<` in text and code, so no text changes.
    static func nest(_ html: UnsafeMutableBufferPointer<UInt8>, top: Int) {
        let tags = headingTags(in: UnsafeBufferPointer(html))
        guard let highest = tags.map({ html[$0] - UInt8(ascii: "0") }).min() else { return }
        let shift = top - Int(highest)
        guard shift != 0 else { return }
        for i in tags {
            html[i] = UInt8(ascii: "0") + UInt8(min(6, max(1, Int(html[i] - UInt8(ascii: "0")) + shift)))
        }
    }

    /// Positions of the level digit in every opening and closing heading tag.
    private static func headingTags(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let base = bytes.baseAddress else { return [] }
        var found: [Int] = []
        var i = 0
        while i + 3 < bytes.count {
            guard let at = memchr(base + i, Int32(UInt8(ascii: "<")), bytes.count - 3 - i) else { break }
            i = at.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
            defer { i += 1 }
            var j = i + 1
            if bytes[j] == UInt8(ascii: "/") { j += 1 }
            guard j + 2 < bytes.count, bytes[j] | 0x20 == UInt8(ascii: "h"),
                  (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[j + 1]) else { continue }
            let after = bytes[j + 2]
            if after == UInt8(ascii: ">") || after == UInt8(ascii: " ") || after == UInt8(ascii: "\n") || after == UInt8(ascii: "\t") {
                found.append(j + 1)
            }
        }
        return found
    }
}
