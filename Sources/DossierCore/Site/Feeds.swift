/// The files that need absolute URLs: `sitemap.xml`, the Atom feed `feed.xml` and `robots.txt`.
enum Feeds {
    static func escape(_ s: String) -> String { escapeMarkup(s) }

    /// Every page's path below the root, in a fixed order.
    static func paths(_ d: Dossier) -> [String] {
        var paths = ["", "proposals/", "actors/", "sources/", "timeline/", "matrix/"]
        paths += d.proposals.slugs.map { Route.path(.brief(.proposal, $0)) }
        paths += d.actors.slugs.map { Route.path(.brief(.actor, $0)) }
        paths += d.sources.slugs.map { Route.path(.brief(.source, $0)) }
        paths += d.pages.slugs.map { Route.path(.brief(.page, $0)) }
        return paths
    }

    static func sitemap(_ d: Dossier, baseURL: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths(d) { out += "  <url><loc>\(escape(baseURL + path))</loc></url>\n" }
        return out + "</urlset>\n"
    }

    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(baseURL)sitemap.xml\n"
    }

    /// An RFC 3339 timestamp for a partial date: its first day, at midnight UTC.
    static func timestamp(_ d: PartialDate) -> String {
        let full = PartialDate("\(d.description)\(d.month == nil ? "-01" : "")\(d.day == nil ? "-01" : "")") ?? d
        return full.description + "T00:00:00Z"
    }

    /// Proposals and sources, newest first, with their dates.
    static func feed(_ d: Dossier, baseURL: String) -> String {
        var entries: [(date: PartialDate, title: String, path: String, summary: String?)] = []
        // Read in place: `for p in d.proposals` would copy each brief.
        for i in d.proposals.indices {
            if let date = d.proposals[i].updated ?? d.proposals[i].proposed {
                entries.append((date, d.proposals[i].title, Route.path(.brief(.proposal, d.proposals[i].header.slug)), d.proposals[i].summary))
            }
        }
        for i in d.sources.indices {
            if let date = d.sources[i].published {
                entries.append((date, d.sources[i].title, Route.path(.brief(.source, d.sources[i].header.slug)), d.sources[i].outlet))
            }
        }
        entries.sort { ($0.date, $1.path) > ($1.date, $0.path) }
        let updated = entries.first.map { timestamp($0.date) } ?? "1970-01-01T00:00:00Z"
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(escape(d.site.title))</title>
          <link href="\(escape(baseURL))"/>
          <link rel="self" href="\(escape(baseURL))feed.xml"/>
          <id>\(escape(baseURL))</id>
          <updated>\(updated)</updated>
          <author><name>\(escape(d.site.publisher ?? d.site.title))</name></author>

        """
        for e in entries.prefix(100) {
            out += "  <entry>\n    <title>\(escape(e.title))</title>\n    <link href=\"\(escape(baseURL + e.path))\"/>\n"
            out += "    <id>\(escape(baseURL + e.path))</id>\n    <updated>\(timestamp(e.date))</updated>\n"
            if let summary = e.summary { out += "    <summary>\(escape(summary))</summary>\n" }
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }
}
