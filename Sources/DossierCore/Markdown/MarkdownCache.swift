import Foundation

/// Rendered Markdown kept between builds, for the preview server: a text is rendered again only when it changed
/// or when one of its cross-references now resolves differently (a renamed or removed target).
/// Safe to use from the resolver's parallel rendering.
final class MarkdownCache: @unchecked Sendable {
    private struct Key: Hashable {
        var text: String
        var line: Int
        var column: Int
        var inline: Bool
        var depth: Int
    }

    private struct Entry {
        var rendered: RenderedMarkdown
        /// What each of `rendered.references` resolved to.
        var links: [ResolvedLink?]
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var used: Set<Key> = []
    private var allowHTML: Bool?

    /// Starts a build; a change of the raw-HTML setting forgets everything.
    func startPass(allowHTML: Bool) {
        lock.withLock {
            if self.allowHTML != allowHTML { entries = [:] }
            self.allowHTML = allowHTML
            used = []
        }
    }

    /// Forgets the texts the last build did not render.
    func finishPass() {
        lock.withLock { entries = entries.filter { used.contains($0.key) } }
    }

    func render(_ text: String, line: Int, column: Int, inline: Bool, depth: Int,
                resolve: (CrossReference) -> ResolvedLink?, render: () -> RenderedMarkdown)
        -> RenderedMarkdown {
        let key = Key(text: text, line: line, column: column, inline: inline, depth: depth)
        let cached = lock.withLock {
            used.insert(key)
            return entries[key]
        }
        if let cached, zip(cached.rendered.references, cached.links).allSatisfy({ same(resolve($0), $1) }) {
            return cached.rendered
        }
        let rendered = render()
        let links = rendered.references.map(resolve)
        lock.withLock { entries[key] = Entry(rendered: rendered, links: links) }
        return rendered
    }

    private func same(_ a: ResolvedLink?, _ b: ResolvedLink?) -> Bool {
        a?.href == b?.href && a?.name == b?.name
    }
}
