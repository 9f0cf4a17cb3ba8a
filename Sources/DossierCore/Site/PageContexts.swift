/// A page to write: where it goes, which template renders it, and the values the template receives.
struct PageJob {
    /// Path below the output folder, e.g. `actors/italy/index.html`.
    var file: String
    var template: String
    var context: TemplateObject
}

/// Builds the plain values each template receives; templates see these, never the model.
///
/// Every link is precomputed relative to the page it appears on, so the site works under any sub-path.
final class PageContexts {
    let dossier: Dossier
    /// Absolute base URL for canonical and `og:` URLs, with a trailing slash.
    let baseURL: String?
    /// Extra values given to every page (for example, the preview server's script).
    let extra: TemplateObject
    /// Values many pages share, built once: see `Shared`.
    private var shared = Shared()

    /// The links to every actor, proposal and source as seen from pages one and two folders deep, every date as
    /// templates show it, and the values common to all brief pages of a section. Pages are built from copies of
    /// these, which cost a retain, instead of building the same objects again for each page.
    private struct Shared {
        var actors: [[TemplateObject]] = []
        var proposals: [[TemplateObject]] = []
        var sources: [[TemplateObject]] = []
        /// Each proposal's address from a brief page.
        var proposalHrefs: [String] = []
        var dates = DateObjects()
        var briefPages: [String: TemplateObject] = [:]
        /// Each page: its place in "Mentioned in" lists (by lowercased title, then by id), and its link from a brief
        /// page.
        var inMentions: [PageID: (rank: Int, link: TemplateObject)] = [:]
    }

    init(dossier: Dossier, baseURL: String?, extra: TemplateObject = [:]) {
        self.dossier = dossier
        self.baseURL = baseURL
        self.extra = extra
        func add(_ d: PartialDate?) { if let d { shared.dates.add(d, makeDate) } }
        for i in dossier.actors.indices { add(dossier.actors[i].updated) }
        for i in dossier.sources.indices { add(dossier.sources[i].published) }
        for i in dossier.proposals.indices {
            add(dossier.proposals[i].proposed)
            add(dossier.proposals[i].updated)
            for k in dossier.proposals[i].positions.indices { add(dossier.proposals[i].positions[k].date) }
            for k in dossier.proposals[i].timeline.indices { add(dossier.proposals[i].timeline[k].date) }
        }
        let depths = [1, 2]
        shared.actors = depths.map { depth in Parallel.map(Array(dossier.actors.indices)) { makeActorLink($0, depth: depth) } }
        shared.proposals = depths.map { depth in Parallel.map(Array(dossier.proposals.indices)) { makeProposalLink($0, depth: depth) } }
        shared.sources = depths.map { depth in Parallel.map(Array(dossier.sources.indices)) { makeSourceLink($0, depth: depth) } }
        shared.proposalHrefs = dossier.proposals.slugs.map { Route.href(to: .brief(.proposal, $0), fromDepth: 2) }
        for section in ["proposals", "actors", "sources"] { shared.briefPages[section] = commonBase(depth: 2, section: section) }
        // Every page is ranked, not only those that mention others (a page that mentions none is never looked up):
        // gathering those into a set first held one core for 0.2 s at 100,000 briefs.
        let pages: [PageID] = [.home] + [(BriefKind.actor, dossier.actors.slugs), (.proposal, dossier.proposals.slugs),
                                         (.source, dossier.sources.slugs), (.page, dossier.pages.slugs)]
            .flatMap { kind, slugs in slugs.map { PageID.brief(kind, $0) } }
        let ranked = Parallel.map(pages) { [dossier] id in
            (key: dossier.title(of: id).lowercased(), id: id)
        }.sorted { ($0.key, $0.id) < ($1.key, $1.id) }
        let links = Parallel.map(ranked) { [self] in link($0.id, depth: 2) }
        shared.inMentions.reserveCapacity(ranked.count)
        for rank in ranked.indices { shared.inMentions[ranked[rank].id] = (rank, links[rank]) }
    }

    // MARK: Small pieces

    private func date(_ d: PartialDate?) -> TemplateObject? {
        d.map { shared.dates[$0] ?? makeDate($0) }
    }

    private func makeDate(_ d: PartialDate) -> TemplateObject {
        [.iso: .checked(d.description), .display: .checked(d.display)]
    }

    private func link(_ id: PageID, depth: Int) -> TemplateObject {
        var out: TemplateObject = [.title: .checked(dossier.title(of: id)), .href: .checked(Route.href(to: id, fromDepth: depth))]
        if case .brief(let kind, _) = id { out[.kind] = .checked(kind.rawValue); out[.kindLabel] = .checked(Labels.briefKind(kind)) } else { out[.kindLabel] = "Home" }
        return out
    }

    private func actorLink(_ i: Int, depth: Int) -> TemplateObject {
        depth >= 1 && depth <= shared.actors.count ? shared.actors[depth - 1][i] : makeActorLink(i, depth: depth)
    }

    // Rows and links read the fields they need in place: `let a = dossier.actors[i]` copies the whole brief, a
    // retain for each of its fields, and was the most frequent copy in a build.

    private func makeActorLink(_ i: Int, depth: Int) -> TemplateObject {
        var out = link(.brief(.actor, dossier.actors[i].header.slug), depth: depth)
        out[.name] = .checked(dossier.actors[i].name)
        out[.actorKind] = .checked(dossier.actors[i].kind.rawValue)
        if let role = dossier.actors[i].role { out[.role] = .checked(role) }
        return out
    }

    private func actorLinks(_ refs: [Ref], depth: Int) -> [TemplateObject] {
        refs.compactMap { $0.index.map { actorLink($0, depth: depth) } }
    }

    private func sourceLink(_ i: Int, depth: Int) -> TemplateObject {
        depth >= 1 && depth <= shared.sources.count ? shared.sources[depth - 1][i] : makeSourceLink(i, depth: depth)
    }

    private func makeSourceLink(_ i: Int, depth: Int) -> TemplateObject {
        var out = link(.brief(.source, dossier.sources[i].header.slug), depth: depth)
        out[.kindLabel] = .checked(Labels.sourceKind(dossier.sources[i].kind))
        out[.sourceKind] = .checked(dossier.sources[i].kind.rawValue)
        if let outlet = dossier.sources[i].outlet { out[.outlet] = .checked(outlet) }
        if let published = date(dossier.sources[i].published) { out[.published] = .object(published) }
        return out
    }

    private func sourceLink(_ ref: Ref?, depth: Int) -> TemplateObject? {
        ref?.index.map { sourceLink($0, depth: depth) }
    }

    private func proposalLink(_ i: Int, depth: Int) -> TemplateObject {
        depth >= 1 && depth <= shared.proposals.count ? shared.proposals[depth - 1][i] : makeProposalLink(i, depth: depth)
    }

    private func makeProposalLink(_ i: Int, depth: Int) -> TemplateObject {
        var out = link(.brief(.proposal, dossier.proposals[i].header.slug), depth: depth)
        out[.short] = .checked(dossier.proposals[i].short ?? dossier.proposals[i].title)
        out[.status] = .checked(dossier.proposals[i].status.rawValue)
        out[.statusLabel] = .checked(Labels.status(dossier.proposals[i].status))
        return out
    }

    /// The pages that mention `id`, by lowercased title (and by id among equal titles).
    private func mentions(_ id: PageID, depth: Int) -> [TemplateObject] {
        var found: [(page: PageID, rank: Int, link: TemplateObject)] = []
        for page in dossier.mentions[id] ?? [] {
            if let entry = shared.inMentions[page] { found.append((page, entry.rank, entry.link)) }
        }
        found.sort { $0.rank < $1.rank }
        return found.map { depth == 2 ? $0.link : link($0.page, depth: depth) }
    }

    /// The main navigation with the current section marked; `href` turns a section's path into a link.
    private func navigation(section: String, href: (String) -> String) -> [TemplateObject] {
        [("", "Home", "home"), ("proposals/", "Proposals", "proposals"), ("actors/", "Actors", "actors"),
         ("sources/", "Sources", "sources"), ("timeline/", "Timeline", "timeline"), ("matrix/", "Matrix", "matrix")]
            .map { target, label, key in
                var item: TemplateObject = [.label: .checked(label), .href: .checked(href(target))]
                if key == section { item[.current] = true }
                return item
            }
    }

    /// Values every page receives: site, navigation, links back to the root, meta tags; with room for `room` more,
    /// which the page adds with `update`.
    private func common(path: String, title: String, description: String?, section: String, ogType: String = "website",
                        room: Int = 0) -> TemplateObject {
        let depth = Route.depth(of: path)
        let site = dossier.site
        var values = (depth == 2 ? shared.briefPages[section] : nil) ?? commonBase(depth: depth, section: section)
        values.reserve(room + 6)  // the six below
        values[.title] = .checked(title)
        values[.isHome] = .flag(path.isEmpty)
        values[.fullTitle] = .checked(path.isEmpty ? site.title : .concat(title, " · ", site.title))
        values[.description] = .checked(description ?? site.description ?? title)
        values[.ogType] = .checked(ogType)
        if let baseURL {
            values[.canonical] = .checked(.concat(baseURL, path))
        }
        return values
    }

    /// The values common to every page of a section at a depth.
    private func commonBase(depth: Int, section: String) -> TemplateObject {
        let site = dossier.site
        var siteValues: TemplateObject = [.title: .checked(site.title), .language: .checked(site.language)]
        if let v = site.description { siteValues[.description] = .checked(v) }
        if let v = site.publisher { siteValues[.publisher] = .checked(v) }
        if let v = site.license { siteValues[.license] = .checked(v) }
        let nav = navigation(section: section) { Route.href($0, fromDepth: depth) }
        var values = extra
        values[.site] = .object(siteValues)
        values[.root] = .checked(Route.root(depth: depth))
        values[.homeHref] = .checked(Route.href("", fromDepth: depth))
        values[.nav] = .objects(nav)
        values[.pages] = .objects(dossier.pages.map { link(.brief(.page, $0.header.slug), depth: depth) })
        return values
    }

    // MARK: Rows shared by several pages

    /// How many of `stances` there are of each stance, in the vocabulary's order, leaving out zeros.
    private func stanceCounts(_ stances: [Stance]) -> [TemplateObject] {
        Stance.allCases.compactMap { stance in
            let n = stances.count { $0 == stance }
            guard n > 0 else { return nil }
            var count = TemplateObject(capacity: 3)
            count.add(.stance, .text(stance.rawValue))
            count.add(.label, .text(Labels.stance(stance)))
            count.add(.count, .number(n))
            return count
        }
    }

    /// The stance of each position an actor takes, in proposal order.
    private func stances(ofActor i: Int) -> [Stance] {
        dossier.positionsByActor[i].map { dossier.proposals[$0.proposal].positions[$0.position].stance }
    }

    /// A Markdown body, whose headings the Markdown pass already set for its page (see `HeadingLevels.top`).
    private func body(_ html: String) -> String? {
        html.isEmpty ? nil : html
    }

    /// A proposal as a row of the overview tables: status, proposers, date, count of each stance.
    private func proposalRow(_ i: Int, depth: Int) -> TemplateObject {
        let counts = stanceCounts(dossier.proposals[i].positions.map(\.stance))
        var row = proposalLink(i, depth: depth)
        row.update(.proposers, .objects(actorLinks(dossier.proposals[i].proposedBy, depth: depth)))
        row.update(.proposed, .optional(date(dossier.proposals[i].proposed)))
        row.update(.summary, .optional(dossier.proposals[i].summary))
        row.update(.stanceCounts, .objects(counts))
        row.update(.positionCount, .number(dossier.proposals[i].positions.count))
        return row
    }

    // MARK: Pages

    func home() -> PageJob {
        let depth = 0
        let d = dossier
        var context = common(path: "", title: d.home?.title ?? d.site.title, description: d.home?.summary, section: "home", room: 6)
        context.update(.introHTML, .optional(d.home.flatMap { body($0.html) }))
        context.update(.proposals, .lazyObjects(count: d.proposals.count) { [self] in proposalRow($0, depth: depth) })
        context.update(.actorCount, .number(d.actors.count))
        context.update(.proposalCount, .number(d.proposals.count))
        context.update(.sourceCount, .number(d.sources.count))
        context.update(.eventCount, .number(d.timeline.count))
        return PageJob(file: "index.html", template: "index", context: context)
    }

    func proposalList() -> PageJob {
        let path = "proposals/", depth = 1
        var context = common(path: path, title: "Proposals", description: "Every proposal in the dossier.", section: "proposals", room: 1)
        context.update(.proposals, .lazyObjects(count: dossier.proposals.count) { [self] in proposalRow($0, depth: depth) })
        return PageJob(file: path + "index.html", template: "proposals", context: context)
    }

    func proposal(_ i: Int) -> PageJob {
        let p = dossier.proposals[i]
        let id = PageID.brief(.proposal, p.header.slug)
        let path = Route.path(id), depth = 2
        let positions = p.positions
        let groups: [TemplateObject] = Stance.allCases.compactMap { stance in
            let rows: [TemplateObject] = positions.indices.compactMap { k in
                guard positions[k].stance == stance, let a = positions[k].actor.index else { return nil }
                var row = TemplateObject(capacity: 8)
                row.add(.actor, .object(actorLink(a, depth: depth)))
                row.add(.anchor, .text(.concat("position-", positions[k].actor.slug)))
                row.add(.stance, .text(stance.rawValue))
                row.add(.stanceLabel, .text(Labels.stance(stance)))
                row.add(.noteHTML, .optional(positions[k].note?.html))
                row.add(.quote, .optional(positions[k].quote))
                row.add(.date, .optional(date(positions[k].date)))
                row.add(.source, .optional(sourceLink(positions[k].source, depth: depth)))
                return row
            }
            guard !rows.isEmpty else { return nil }
            var group = TemplateObject(capacity: 4)
            group.add(.stance, .text(stance.rawValue))
            group.add(.label, .text(Labels.stance(stance)))
            group.add(.count, .number(rows.count))
            group.add(.positions, .objects(rows))
            return group
        }
        let timeline: [TemplateObject] = p.timeline.sorted { $0.date < $1.date }.map { e in
            var row = TemplateObject(capacity: 4)
            row.add(.date, .optional(date(e.date)))
            row.add(.html, .text(e.text.html))
            row.add(.actors, .objects(actorLinks(e.actors, depth: depth)))
            row.add(.source, .optional(sourceLink(e.source, depth: depth)))
            return row
        }
        var context = common(path: path, title: p.title, description: p.summary, section: "proposals", ogType: "article", room: 17)
        context.update(.slug, .text(p.header.slug))
        context.update(.short, .optional(p.short))
        context.update(.status, .text(p.status.rawValue))
        context.update(.statusLabel, .text(Labels.status(p.status)))
        context.update(.proposed, .optional(date(p.proposed)))
        context.update(.updated, .optional(date(p.updated)))
        context.update(.summary, .optional(p.summary))
        context.update(.proposers, .objects(actorLinks(p.proposedBy, depth: depth)))
        context.update(.provisions, .objects(p.provisions.map { [.html: .text($0.html)] }))
        context.update(.positionGroups, .objects(groups))
        context.update(.positionCount, .number(p.positions.count))
        context.update(.stanceCounts, .objects(stanceCounts(p.positions.map(\.stance))))
        context.update(.related, .objects(dossier.related[i].map { proposalLink($0, depth: depth) }))
        context.update(.timeline, .objects(timeline))
        context.update(.bodyHTML, .optional(body(p.header.html)))
        context.update(.sources, .objects(dossier.sourcesCited(byProposal: i).map { sourceLink($0, depth: depth) }))
        context.update(.mentionedIn, .objects(mentions(id, depth: depth)))
        return PageJob(file: .concat(path, "index.html"), template: "proposal", context: context)
    }

    func actorList() -> PageJob {
        let path = "actors/", depth = 1
        let groups: [TemplateObject] = ActorKind.allCases.compactMap { kind in
            let members = dossier.actors.indices.filter { dossier.actors[$0].kind == kind }
            let rows = TemplateValue.lazyObjects(count: members.count) { [self] k in
                var row = actorLink(members[k], depth: depth)
                row.update(.summary, .optional(dossier.actors[members[k]].summary))
                row.update(.positionCount, .number(dossier.positionsByActor[members[k]].count))
                row.update(.stanceCounts, .objects(stanceCounts(stances(ofActor: members[k]))))
                return row
            }
            return members.isEmpty ? nil : [.kind: .text(kind.rawValue), .label: .text(Labels.actorGroup(kind)), .count: .number(members.count), .actors: rows]
        }
        var context = common(path: path, title: "Actors", description: "People, states and organisations in the dossier.", section: "actors", room: 1)
        context.update(.groups, .objects(groups))
        return PageJob(file: path + "index.html", template: "actors", context: context)
    }

    func actor(_ i: Int) -> PageJob {
        let a = dossier.actors[i]
        let id = PageID.brief(.actor, a.header.slug)
        let path = Route.path(id), depth = 2
        let positions: [TemplateObject] = dossier.positionsByActor[i].map { ref in
            let (p, k) = (ref.proposal, ref.position)
            let proposalSlug = dossier.proposals[p].header.slug, stance = dossier.proposals[p].positions[k].stance
            var row = TemplateObject(capacity: 9)
            row.add(.proposal, .object(proposalLink(p, depth: depth)))
            row.add(.stance, .text(stance.rawValue))
            row.add(.stanceLabel, .text(Labels.stance(stance)))
            row.add(.anchor, .text(.concat("on-", proposalSlug)))
            row.add(.positionHref, .text(.concat(shared.proposalHrefs[p], "#position-", a.header.slug)))
            row.add(.noteHTML, .optional(dossier.proposals[p].positions[k].note?.html))
            row.add(.quote, .optional(dossier.proposals[p].positions[k].quote))
            row.add(.date, .optional(date(dossier.proposals[p].positions[k].date)))
            row.add(.source, .optional(sourceLink(dossier.proposals[p].positions[k].source, depth: depth)))
            return row
        }
        var context = common(path: path, title: a.name, description: a.summary ?? a.role, section: "actors", ogType: "profile", room: 18)
        context.update(.slug, .text(a.header.slug))
        context.update(.name, .text(a.name))
        context.update(.actorKind, .text(a.kind.rawValue))
        context.update(.kindLabel, .text(Labels.actorKind(a.kind)))
        context.update(.role, .optional(a.role))
        context.update(.summary, .optional(a.summary))
        context.update(.aliases, a.aliases.isEmpty ? nil : .text(a.aliases.joined(separator: ", ")))
        context.update(.updated, .optional(date(a.updated)))
        context.update(.affiliation, .optional(a.affiliation?.index.map { actorLink($0, depth: depth) }))
        context.update(.memberOf, .objects(actorLinks(a.memberOf, depth: depth)))
        context.update(.affiliates, .objects(dossier.affiliates[i].map { actorLink($0, depth: depth) }))
        context.update(.members, .objects(dossier.members[i].map { actorLink($0, depth: depth) }))
        context.update(.proposed, .objects(dossier.proposedByActor[i].map { proposalLink($0, depth: depth) }))
        context.update(.positions, .objects(positions))
        context.update(.stanceCounts, .objects(stanceCounts(stances(ofActor: i))))
        context.update(.bodyHTML, .optional(body(a.header.html)))
        context.update(.sources, .objects(dossier.sourcesCited(byActor: i).map { sourceLink($0, depth: depth) }))
        context.update(.mentionedIn, .objects(mentions(id, depth: depth)))
        return PageJob(file: .concat(path, "index.html"), template: "actor", context: context)
    }

    func sourceList() -> PageJob {
        let path = "sources/", depth = 1
        let rows = TemplateValue.lazyObjects(count: dossier.sources.count) { [self] i in
            var row = sourceLink(i, depth: depth)
            row.update(.author, .optional(dossier.sources[i].author))
            row.update(.citationCount, .number(dossier.citations[i].count))
            return row
        }
        var context = common(path: path, title: "Sources", description: "Every source the dossier cites, newest first.", section: "sources", room: 1)
        context.update(.sources, rows)
        return PageJob(file: path + "index.html", template: "sources", context: context)
    }

    func source(_ i: Int) -> PageJob {
        let s = dossier.sources[i]
        let id = PageID.brief(.source, s.header.slug)
        let path = Route.path(id), depth = 2
        let citations: [TemplateObject] = dossier.citations[i].map { citation in
            var row = TemplateObject(capacity: 4)
            switch citation {
            case .brief(let p):
                row.add(.proposal, .object(proposalLink(p, depth: depth)))
                row.add(.what, "Cited as a source of the brief")
            case .position(let ref):
                let stance = dossier.proposals[ref.proposal].positions[ref.position].stance
                row.add(.proposal, .object(proposalLink(ref.proposal, depth: depth)))
                row.add(.what, .text(Labels.citedPosition(stance)))
                row.add(.stance, .text(stance.rawValue))
                if let a = dossier.proposals[ref.proposal].positions[ref.position].actor.index {
                    row.add(.actor, .object(actorLink(a, depth: depth)))
                }
            case .event(let p, let e):
                row.add(.proposal, .object(proposalLink(p, depth: depth)))
                row.add(.what, .text("Timeline, \(dossier.proposals[p].timeline[e].date.display)"))
                row.add(.html, .text(dossier.proposals[p].timeline[e].text.html))
            }
            return row
        }
        let about = ([Labels.sourceKind(s.kind)] + [s.outlet, s.published?.display].compactMap { $0 }).joined(separator: " · ")
        let description = "\(about). The dossier's note on this source, and every position and event that cites it."
        var context = common(path: path, title: s.title, description: description, section: "sources", ogType: "article", room: 10)
        context.update(.slug, .text(s.header.slug))
        context.update(.outlet, .optional(s.outlet))
        context.update(.sourceKind, .text(s.kind.rawValue))
        context.update(.kindLabel, .text(Labels.sourceKind(s.kind)))
        context.update(.published, .optional(date(s.published)))
        context.update(.url, .optional(s.url))
        context.update(.author, .optional(s.author))
        context.update(.bodyHTML, .optional(body(s.header.html)))
        context.update(.citations, .objects(citations))
        context.update(.mentionedIn, .objects(mentions(id, depth: depth)))
        return PageJob(file: .concat(path, "index.html"), template: "source", context: context)
    }

    func timeline() -> PageJob {
        let path = "timeline/", depth = 1
        let entries = dossier.timeline
        func year(_ entry: TimelineEntry) -> Int {
            switch entry {
            case .proposed(let p): return dossier.proposals[p].proposed!.year
            case .event(let p, let e): return dossier.proposals[p].timeline[e].date.year
            }
        }
        func row(_ entry: TimelineEntry) -> TemplateObject {
            var row = TemplateObject(capacity: 5)
            switch entry {
            case .proposed(let p):
                row.add(.date, .optional(date(dossier.proposals[p].proposed)))
                row.add(.proposal, .object(proposalLink(p, depth: depth)))
                row.add(.isProposed, true)
                row.add(.actors, .objects(actorLinks(dossier.proposals[p].proposedBy, depth: depth)))
            case .event(let p, let e):
                row.add(.date, .optional(date(dossier.proposals[p].timeline[e].date)))
                row.add(.proposal, .object(proposalLink(p, depth: depth)))
                row.add(.html, .text(dossier.proposals[p].timeline[e].timelineHTML))
                row.add(.actors, .objects(actorLinks(dossier.proposals[p].timeline[e].actors, depth: depth)))
                row.add(.source, .optional(sourceLink(dossier.proposals[p].timeline[e].source, depth: depth)))
            }
            return row
        }
        // One group per year, oldest first; each group's rows are built as it renders.
        var years: [TemplateObject] = []
        var start = 0
        while start < entries.count {
            let y = year(entries[start])
            var end = start + 1
            while end < entries.count, year(entries[end]) == y { end += 1 }
            let first = start
            years.append([.year: .number(y), .entries: .lazyObjects(count: end - start) { row(entries[first + $0]) }])
            start = end
        }
        var context = common(path: path, title: "Timeline", description: "Every dated event in the dossier, oldest first.", section: "timeline", room: 1)
        context.update(.years, .objects(years))
        return PageJob(file: path + "index.html", template: "timeline", context: context)
    }

    func matrix() -> PageJob {
        let path = "matrix/", depth = 1
        let columns = dossier.matrixActors.map { actorLink($0, depth: depth) }
        // Most cells are empty: each column's empty cell is built once.
        let empty: [TemplateObject] = dossier.matrixActors.map { [.none: true, .actorName: .text(dossier.actors[$0].name)] }
        let rows = TemplateValue.lazyObjects(count: dossier.proposals.count) { [self] p in
            let href = Route.href(to: .brief(.proposal, dossier.proposals[p].header.slug), fromDepth: depth)
            let held = dossier.proposals[p].positions.map(\.actor.index)
            let cells: [TemplateObject] = dossier.matrixActors.indices.map { column in
                let a = dossier.matrixActors[column]
                guard let k = held.firstIndex(of: a) else { return empty[column] }
                let stance = dossier.proposals[p].positions[k].stance
                var cell = TemplateObject(capacity: 4)
                cell.add(.stance, .text(stance.rawValue))
                cell.add(.label, .text(Labels.stance(stance)))
                cell.add(.actorName, .text(dossier.actors[a].name))
                cell.add(.href, .text(.concat(href, "#position-", dossier.actors[a].header.slug)))
                return cell
            }
            var row = proposalLink(p, depth: depth)
            row.update(.cells, .objects(cells))
            return row
        }
        let legend = Stance.allCases.map { [.stance: .text($0.rawValue), .label: .text(Labels.stance($0))] as TemplateObject }
        var context = common(path: path, title: "Stance matrix", description: "Who stands where on every proposal.", section: "matrix", room: 3)
        context.update(.columns, .objects(columns))
        context.update(.rows, rows)
        context.update(.legend, .objects(legend))
        return PageJob(file: path + "index.html", template: "matrix", context: context)
    }

    func page(_ i: Int) -> PageJob {
        let page = dossier.pages[i]
        let id = PageID.brief(.page, page.header.slug)
        let path = Route.path(id), depth = 1
        var context = common(path: path, title: page.title, description: page.summary, section: page.header.slug, room: 3)
        context.update(.summary, .optional(page.summary))
        context.update(.bodyHTML, .optional(body(page.header.html)))
        context.update(.mentionedIn, .objects(mentions(id, depth: depth)))
        return PageJob(file: .concat(path, "index.html"), template: "page", context: context)
    }

    /// The not-found page is served at any depth, so its links start at the base URL's path when there is one.
    func notFound() -> PageJob {
        var context = common(path: "", title: "Page not found", description: nil, section: "")
        if let baseURL, let url = URLPath.path(of: baseURL) {
            context[.root] = .text(url)
            context[.homeHref] = .text(url)
            context[.nav] = .objects(navigation(section: "") { url + $0 })
            context[.pages] = .objects(dossier.pages.map { page -> TemplateObject in
                var item = link(.brief(.page, page.header.slug), depth: 0)
                item[.href] = .text(url + Route.path(.brief(.page, page.header.slug)))
                return item
            })
        }
        context[.isHome] = false
        context[.fullTitle] = .text("Page not found · \(dossier.site.title)")
        context[.canonical] = nil
        return PageJob(file: "404.html", template: "404", context: context)
    }

    /// Every page of the site, in a fixed order: the file it is written to, and how to build it.
    func all() -> [(file: String, make: () -> PageJob)] {
        var jobs: [(file: String, make: () -> PageJob)] = [
            ("index.html", home), ("proposals/index.html", proposalList), ("actors/index.html", actorList),
            ("sources/index.html", sourceList), ("timeline/index.html", timeline), ("matrix/index.html", matrix),
            ("404.html", notFound),
        ]
        func briefs(_ kind: BriefKind, _ slugs: [String], _ make: @escaping (Int) -> PageJob) {
            jobs += slugs.indices.map { i in (String.concat(Route.path(.brief(kind, slugs[i])), "index.html"), { make(i) }) }
        }
        briefs(.proposal, dossier.proposals.slugs, proposal)
        briefs(.actor, dossier.actors.slugs, actor)
        briefs(.source, dossier.sources.slugs, source)
        briefs(.page, dossier.pages.slugs, page)
        return jobs
    }
}

/// Date objects by `PartialDate.ordinal`, in a table of their own: pages look dates up tens of times each, and a
/// `Dictionary` hashed every date with seeded SipHash.
private struct DateObjects {
    /// `Int.min` marks an empty slot; the slot count is a power of two, at least twice the dates.
    private var ordinals: [Int] = []
    private var objects: [TemplateObject] = []
    private var count = 0

    init() {
        ordinals = Array(repeating: .min, count: 16)
        objects = Array(repeating: TemplateObject(), count: 16)
    }

    /// Adds `date`'s object, made by `make`, unless the table has it.
    mutating func add(_ date: PartialDate, _ make: (PartialDate) -> TemplateObject) {
        if count * 2 >= ordinals.count { grow() }
        let slot = slot(of: date.ordinal)
        guard ordinals[slot] == .min else { return }
        ordinals[slot] = date.ordinal
        objects[slot] = make(date)
        count += 1
    }

    subscript(date: PartialDate) -> TemplateObject? {
        let slot = slot(of: date.ordinal)
        return ordinals[slot] == .min ? nil : objects[slot]
    }

    /// Where `ordinal` is, or the empty slot where it would go.
    private func slot(of ordinal: Int) -> Int {
        let mask = ordinals.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(ordinal)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while ordinals[slot] != .min, ordinals[slot] != ordinal { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        let old = zip(ordinals, objects).filter { $0.0 != .min }
        ordinals = Array(repeating: .min, count: ordinals.count * 2)
        objects = Array(repeating: TemplateObject(), count: ordinals.count)
        for (ordinal, object) in old {
            let slot = slot(of: ordinal)
            ordinals[slot] = ordinal
            objects[slot] = object
        }
    }
}

/// The path part of an absolute URL, e.g. `/dossier/` for `https://example.org/dossier/`.
enum URLPath {
    static func path(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
