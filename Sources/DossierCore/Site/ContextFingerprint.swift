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
        Self.feed(job.context, into: &hasher, links: &links, depth: depth, topLevel: true)
        hash = hasher.finalize()
        self.links = links
    }

    /// A hash of any values, for values that are not a page (the site-wide settings, the feeds).
    static func hash(_ value: Any) -> Int {
        var hasher = Hasher()
        var links: Set<PageID> = []
        feed(value, into: &hasher, links: &links, depth: 0, topLevel: false)
        return hasher.finalize()
    }

    private static func feed(_ value: Any, into h: inout Hasher, links: inout Set<PageID>, depth: Int, topLevel: Bool) {
        switch value {
        case let s as String:
            h.combine(0)
            h.combine(s)
        case let i as Int:
            h.combine(1)
            h.combine(i)
        case let b as Bool:
            h.combine(2)
            h.combine(b)
        case let d as [String: Any]:
            h.combine(3)
            h.combine(d.count)
            for key in d.keys.sorted() {
                h.combine(key)
                let v = d[key]!
                if key == "href", let href = v as? String, let id = page(at: href, fromDepth: depth) { links.insert(id) }
                if topLevel && sharedKeys.contains(key) {
                    var ignored: Set<PageID> = []
                    feed(v, into: &h, links: &ignored, depth: depth, topLevel: false)
                } else {
                    feed(v, into: &h, links: &links, depth: depth, topLevel: false)
                }
            }
        case let a as [Any]:
            h.combine(4)
            h.combine(a.count)
            for v in a { feed(v, into: &h, links: &links, depth: depth, topLevel: false) }
        default:
            h.combine(5)
            h.combine(String(describing: value))
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
