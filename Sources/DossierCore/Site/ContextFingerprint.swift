/// A page's values reduced to a hash, and the briefs the page shows, found from the links it holds.
///
/// Within one process the same values always give the same hash, so a page whose hash is unchanged renders
/// to the same HTML and need not be rendered again.
struct ContextFingerprint {
    var hash: Int
    /// The briefs linked from the page's values (actors, proposals, sources; and the home page).
    var links: Set<PageID>

    /// Top-level values every page shares, whose links say nothing about what the page shows:
    /// the section navigation and the footer's list of free pages (covered by the site-wide fingerprint).
    static let sharedKeys: Set<String> = ["nav", "pages"]

    init(_ job: PageJob) {
        var hasher = Hasher()
        hasher.combine(job.template)
        var links: Set<PageID> = []
        let depth = Route.depth(of: job.file)
        for (entry, value) in zip(job.context.entries, job.context.values) {
            let name = entry.name
            hasher.combine(name)
            if Self.sharedKeys.contains(name) {
                var ignored: Set<PageID> = []
                Self.feed(value, into: &hasher, links: &ignored, depth: depth)
            } else {
                Self.feed(value, into: &hasher, links: &links, depth: depth)
            }
        }
        hash = hasher.finalize()
        self.links = links
    }

    private static func feed(_ value: TemplateValue, into h: inout Hasher, links: inout Set<PageID>, depth: Int) {
        switch value {
        case .text(let s):
            h.combine(0)
            h.combine(s)
        case .number(let n):
            h.combine(1)
            h.combine(n)
        case .flag(let b):
            h.combine(2)
            h.combine(b)
        case .list(let items):
            h.combine(3)
            h.combine(items.count)
            for item in items { feed(item, into: &h, links: &links, depth: depth) }
        case .object(let object):
            feed(object, into: &h, links: &links, depth: depth)
        case .objects(let objects):
            // Renders exactly as a list of objects, so it hashes as one.
            h.combine(3)
            h.combine(objects.count)
            for object in objects { feed(object, into: &h, links: &links, depth: depth) }
        case .lazyObjects(let count, let item):
            // Built row by row, as rendering builds them, so that the rows never all exist at once.
            h.combine(3)
            h.combine(count)
            for i in 0..<count { feed(item(i), into: &h, links: &links, depth: depth) }
        }
    }

    private static func feed(_ object: TemplateObject, into h: inout Hasher, links: inout Set<PageID>, depth: Int) {
        h.combine(4)
        h.combine(object.entries.count)
        for (entry, value) in zip(object.entries, object.values) {
            let name = entry.name
            h.combine(name)
            if name == "href", case .text(let href) = value, let id = page(at: href, fromDepth: depth) { links.insert(id) }
            feed(value, into: &h, links: &links, depth: depth)
        }
    }

    /// The page a relative link leads to, e.g. `../../actors/italy/#positions` from depth 2 → the actor `italy`.
    static func page(at href: String, fromDepth depth: Int) -> PageID? {
        var path = Substring(href)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        for _ in 0..<depth {
            guard path.hasPrefix("../") else { return nil }
            path = path.dropFirst(3)
        }
        if path.isEmpty || path == "./" { return .home }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].isEmpty,
              let kind = BriefKind.allCases.first(where: { $0 != .page && $0.folder == parts[0] }) else { return nil }
        return .brief(kind, String(parts[1]))
    }
}
