/// Every file a build writes, known before the first one is written: the pages, the assets copied from the
/// templates and then from the content (a content asset replaces a template asset at the same path), and, with a
/// base URL, the sitemap, the feed and `robots.txt`.
struct SitePlan {
    var pages: [(file: String, make: () -> PageJob)]
    /// Paths below the output and the files they are copied from, in the order they are copied.
    var copies: [(file: String, source: String)]
    var texts: [(file: String, make: () -> String)]

    init(dossier: Dossier, templates: Templates, options: BuildOptions, extra: TemplateObject) {
        pages = PageContexts(dossier: dossier, baseURL: dossier.site.baseURL, extra: extra).all()
        copies = templates.assets.map { ("assets/" + $0, options.templates + "/assets/" + $0) }
            + dossier.assets.map { ("assets/" + $0, options.content + "/assets/" + $0) }
        texts = []
        if let baseURL = dossier.site.baseURL {
            texts = [("sitemap.xml", { Feeds.sitemap(dossier, baseURL: baseURL) }),
                     ("feed.xml", { Feeds.feed(dossier, baseURL: baseURL) }),
                     ("robots.txt", { Feeds.robots(baseURL: baseURL) })]
        }
    }

    /// Every path below the output, pages first.
    var files: [String] { pages.map(\.file) + copies.map(\.file) + texts.map(\.file) }
}
