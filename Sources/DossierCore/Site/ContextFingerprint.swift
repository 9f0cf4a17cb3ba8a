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
    static let sharedKeys: Set<TemplateKey> = [.nav, .pages]

    init(_ job: PageJob) {
        var hasher = ContentHash()
        hasher.combine(job.template)
        var links: Set<PageID> = []
        let depth = Route.depth(of: job.file)
        for field in job.context.items {
            let (key, value) = (field.key, field.value)
            hasher.combine(Int(key.id))
            if Self.sharedKeys.contains(key) {
                var ignored: Set<PageID> = []
                Self.feed(value, into: &hasher, links: &ignored, depth: depth)
            } else {
                Self.feed(value, into: &hasher, links: &links, depth: depth)
            }
        }
        hash = hasher.value
        self.links = links
    }

    private static func feed(_ value: TemplateValue, into h: inout ContentHash, links: inout Set<PageID>, depth: Int) {
        switch value {
        case .text(let s), .safeText(let s):
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

    private static func feed(_ object: TemplateObject, into h: inout ContentHash, links: inout Set<PageID>, depth: Int) {
        h.combine(4)
        h.combine(object.count)
        for field in object.items {
            let (key, value) = (field.key, field.value)
            h.combine(Int(key.id))
            if key == .href, let href = value.string, let id = page(at: href, fromDepth: depth) { links.insert(id) }
            feed(value, into: &h, links: &links, depth: depth)
        }
    }

    /// The page a relative link leads to, e.g. `../../actors/italy/#positions` from depth 2 → the actor `italy`.
    static func page(at href: String, fromDepth depth: Int) -> PageID? {
        href.withUTF8Bytes { b -> PageID? in
            let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
            var start = 0
            for _ in 0..<depth {
                guard start + 3 <= b.count, b[start] == dot, b[start + 1] == dot, b[start + 2] == slash else { return nil }
                start += 3
            }
            let end = b[start...].firstIndex(of: UInt8(ascii: "#")) ?? b.count
            if start == end || (end - start == 2 && b[start] == dot && b[start + 1] == slash) { return .home }
            // Exactly `kind/slug/`.
            guard let first = b[start..<end].firstIndex(of: slash),
                  let second = b[(first + 1)..<end].firstIndex(of: slash), second == end - 1 else { return nil }
            let folder = UnsafeBufferPointer(rebasing: b[start..<first])
            guard let kind = BriefKind(folder: folder), kind != .page else { return nil }
            return .brief(kind, String(decoding: UnsafeBufferPointer(rebasing: b[(first + 1)..<second]), as: UTF8.self))
        }
    }
}
