import Foundation

/// Builds typed briefs from a file's front-matter reader, reporting every defect.
enum BriefDecoder {
    /// Decoders return a brief even when a field is wrong (the error is in the bag), so that other
    /// briefs' references to it do not fail too.
    static func actor(_ header: BriefHeader, _ r: FieldReader) -> Actor {
        var header = header
        header.draft = r.bool("draft") ?? false
        let name = r.string("name", required: true)
        let kind = r.choice("kind", ActorKind.self, required: true)
        let actor = Actor(
            header: header, name: name ?? header.slug, kind: kind ?? .person,
            role: r.string("role"), affiliation: r.ref("affiliation"), memberOf: r.refs("member_of"),
            aliases: r.strings("aliases"), summary: r.string("summary"), updated: r.date("updated"))
        r.finish()
        return actor
    }

    static func proposal(_ header: BriefHeader, _ r: FieldReader, bag: DiagnosticBag) -> Proposal {
        var header = header
        header.draft = r.bool("draft") ?? false
        let title = r.string("title", required: true)
        let status = r.choice("status", ProposalStatus.self, required: true)
        let positions = r.mappings("positions", what: "a position").compactMap(position)
        // A proposal has tens of positions at most: comparing each with those before it costs less than hashing.
        for (k, p) in positions.enumerated() {
            if let first = positions[..<k].first(where: { $0.actor.slug == p.actor.slug }) {
                bag.error("duplicate position for actor '\(p.actor.slug)'", line: p.actor.line, column: p.actor.column,
                          hint: "the first is at line \(first.actor.line); an actor holds one position per proposal")
            }
        }
        let proposal = Proposal(
            header: header, title: title ?? header.slug, short: r.string("short"), status: status ?? .floated,
            proposed: r.date("proposed"), proposedBy: r.refs("proposed_by"), summary: r.string("summary"),
            provisions: r.inlineTexts("provisions"), positions: positions,
            timeline: r.mappings("timeline", what: "an event").compactMap(event),
            related: r.refs("related"), sources: r.refs("sources"), updated: r.date("updated"))
        r.finish()
        return proposal
    }

    private static func position(_ r: FieldReader) -> Position? {
        let actor = r.ref("actor", required: true)
        let stance = r.choice("stance", Stance.self, required: true)
        let note = r.located("note").map { InlineText(markdown: $0.text, line: $0.line, column: $0.column) }
        let position = Position(actor: actor ?? Ref(slug: "", line: 0, column: 0), stance: stance ?? .undecided, note: note,
                                quote: r.string("quote"), date: r.date("date"), source: r.ref("source"), line: r.line)
        r.finish()
        return actor == nil || stance == nil ? nil : position
    }

    private static func event(_ r: FieldReader) -> Event? {
        let date = r.date("date", required: true)
        let text = r.located("event", required: true).map { InlineText(markdown: $0.text, line: $0.line, column: $0.column) }
        let actors = r.refs("actors")
        let source = r.ref("source")
        r.finish()
        guard let date, let text else { return nil }
        return Event(date: date, text: text, actors: actors, source: source, line: r.line)
    }

    static func source(_ header: BriefHeader, _ r: FieldReader, bag: DiagnosticBag) -> Source {
        let title = r.string("title", required: true)
        var url: String?
        if let (u, line, column) = r.located("url") {
            if let parsed = URL(string: u), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
               parsed.host?.isEmpty == false {
                url = u
            } else {
                bag.error("'url' must be an http or https URL, not '\(u)'", line: line, column: column,
                          hint: "write the full address, e.g. https://example.org/article")
            }
        }
        let source = Source(header: header, title: title ?? header.slug, outlet: r.string("outlet"),
                            kind: r.choice("kind", SourceKind.self) ?? .other, published: r.date("published"),
                            url: url, author: r.string("author"))
        r.finish()
        return source
    }

    static func page(_ header: BriefHeader, _ r: FieldReader) -> Page {
        var header = header
        header.draft = r.bool("draft") ?? false
        let title = r.string("title", required: true)
        let page = Page(header: header, title: title ?? header.slug, summary: r.string("summary"))
        r.finish()
        return page
    }

    static func home(file: String, body: String, bodyLine: Int, _ r: FieldReader?) -> Home {
        let home = Home(file: file, title: r?.string("title"), summary: r?.string("summary"), body: body, bodyLine: bodyLine)
        r?.finish()
        return home
    }

    static func site(_ r: FieldReader, bag: DiagnosticBag) -> SiteSettings? {
        let title = r.string("title", required: true)
        var settings = SiteSettings(title: title ?? "")
        settings.description = r.string("description")
        if let (language, line, column) = r.located("language") {
            if language.range(of: "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", options: .regularExpression) != nil {
                settings.language = language
            } else {
                bag.error("'language' must be a BCP 47 language tag, not '\(language)'", line: line, column: column,
                          hint: "e.g. en, en-GB, it")
            }
        }
        if let (base, line, column) = r.located("base_url") {
            if let normalized = SiteSettings.normalizedBaseURL(base) {
                settings.baseURL = normalized
            } else {
                bag.error("'base_url' must be an absolute http or https URL, not '\(base)'", line: line, column: column,
                          hint: "e.g. https://example.org/dossier/")
            }
        }
        settings.publisher = r.string("publisher")
        settings.license = r.string("license")
        settings.matrixActors = r.int("matrix_actors", in: 1...1000) ?? 30
        settings.allowHTML = r.bool("allow_html") ?? false
        r.finish()
        return title == nil ? nil : settings
    }
}

extension SiteSettings {
    /// The base URL with exactly one trailing slash, or nil when it is not an absolute http(s) URL.
    public static func normalizedBaseURL(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
