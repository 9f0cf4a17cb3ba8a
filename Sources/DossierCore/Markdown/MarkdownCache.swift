import Foundation

/// Rendered Markdown kept between builds, for the preview server: a text is rendered again only when it changed
/// or when one of its cross-references now resolves differently (a renamed or removed target).
/// Safe to use from the resolver's parallel rendering.
///
/// Texts are filed by where they are written (file, line, column) and how they are rendered, so that looking one
/// up hashes a short key; a text read from an unchanged file is the same string as last time, so comparing it
/// costs nothing.
final class MarkdownCache: @unchecked Sendable {
    private struct Key: Hashable {
        var file: String
        var line: Int
        var column: Int
        var inline: Bool
        var depth: Int
    }

    private struct Entry {
        var text: String
        var rendered: RenderedMarkdown
        /// What each of `rendered.references` resolved to.
        var links: [ResolvedLink?]
        /// The last build that rendered it.
        var pass: Int
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var pass = 0
    private var usedThisPass = 0
    private var allowHTML: Bool?

    /// Starts a build; a change of the raw-HTML setting forgets everything.
    func startPass(allowHTML: Bool) {
        lock.withLock {
            if self.allowHTML != allowHTML { entries = [:] }
            self.allowHTML = allowHTML
            pass += 1
            usedThisPass = 0
        }
    }

    /// Forgets the texts the last build did not render, once they are a good part of the cache.
    func finishPass() {
        lock.withLock {
            if entries.count > usedThisPass + usedThisPass / 4 + 64 { entries = entries.filter { $0.value.pass == pass } }
        }
    }

    func render(_ text: String, file: String, line: Int, column: Int, inline: Bool, depth: Int,
                resolve: (CrossReference) -> ResolvedLink?, render: () -> RenderedMarkdown)
        -> RenderedMarkdown {
        let key = Key(file: file, line: line, column: column, inline: inline, depth: depth)
        let cached: Entry? = lock.withLock {
            usedThisPass += 1
            guard let entry = entries[key], entry.text == text else { return nil }
            entries[key]!.pass = pass
            return entry
        }
        if let cached, zip(cached.rendered.references, cached.links).allSatisfy({ same(resolve($0), $1) }) {
            return cached.rendered
        }
        let rendered = render()
        let links = rendered.references.map(resolve)
        lock.withLock { entries[key] = Entry(text: text, rendered: rendered, links: links, pass: pass) }
        return rendered
    }

    private func same(_ a: ResolvedLink?, _ b: ResolvedLink?) -> Bool {
        a?.href == b?.href && a?.name == b?.name
    }
}
