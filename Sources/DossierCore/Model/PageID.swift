/// Identifies a page of the site that can link to or be linked from another.
public enum PageID: Hashable, Sendable, Comparable {
    case home
    case brief(BriefKind, String)

    public static func < (a: PageID, b: PageID) -> Bool {
        switch (a, b) {
        case (.home, .home): return false
        case (.home, _): return true
        case (_, .home): return false
        case let (.brief(k1, s1), .brief(k2, s2)): return (k1, s1) < (k2, s2)
        }
    }

    /// One word for `Hasher` instead of the slug's bytes: pages are hashed tens of times per brief in a build
    /// (mentions, source links, the Markdown pass's targets), and SipHash over every byte cost more.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .home: hasher.combine(0 as UInt64)
        case .brief(let kind, let slug):
            let salt: UInt64
            switch kind {
            case .actor: salt = 1
            case .proposal: salt = 2
            case .source: salt = 3
            case .page: salt = 4
            }
            hasher.combine(ContentHash.of(slug) ^ salt)
        }
    }
}

/// Where each page lives: directory URLs relative to the site's root.
public enum Route {
    /// The path of a page below the root, e.g. `actors/italy/`; free pages sit at the root.
    public static func path(_ id: PageID) -> String {
        path(id, after: "")
    }

    /// `prefix` followed by the path of `id`, made in one allocation.
    private static func path(_ id: PageID, after prefix: String) -> String {
        switch id {
        case .home: return prefix
        case .brief(.page, let slug): return .concat(prefix, slug, "/")
        case .brief(let kind, let slug): return .concat(prefix, kind.folder, "/", slug, "/")
        }
    }

    /// How many folders below the root a page's `index.html` is.
    public static func depth(of path: String) -> Int {
        path.utf8.count { $0 == UInt8(ascii: "/") }
    }

    /// The way back to the root from a page at `depth`: `""`, `../`, `../../`.
    public static func root(depth: Int) -> String {
        switch depth {
        case 0: return ""
        case 1: return "../"
        case 2: return "../../"
        default: return String(repeating: "../", count: depth)
        }
    }

    /// A link from a page at `depth` to the page at `path`.
    public static func href(_ path: String, fromDepth depth: Int) -> String {
        let href = String.concat(root(depth: depth), path)
        return href.isEmpty ? "./" : href
    }

    /// A link from a page at `depth` to the page `id`, to `fragment` in it when there is one.
    public static func href(to id: PageID, fromDepth depth: Int, fragment: String? = nil) -> String {
        let href = path(id, after: root(depth: depth))
        if let fragment { return .concat(href.isEmpty ? "./" : href, "#", fragment) }
        return href.isEmpty ? "./" : href
    }

    /// Free-page slugs that would collide with the site's own sections.
    public static let reservedSlugs: Set<String> = ["actors", "proposals", "sources", "matrix", "timeline", "assets", "404"]
}
