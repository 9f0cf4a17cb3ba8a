/// Turns loaded content into a cross-linked dossier: checks every reference, renders every piece of
/// Markdown with its links resolved, and derives the relations that are written on one side only.
public enum Resolver {
    public static func resolve(_ content: consuming LoadedContent, includeDrafts: Bool) -> (dossier: Dossier?, diagnostics: [Diagnostic]) {
        resolve(content, includeDrafts: includeDrafts, timer: PhaseTimer())
    }

    /// Resolves `content`, timing the Markdown pass as "parse" and everything else as "resolve"; with a
    /// `markdownCache`, briefs' Markdown is kept between builds (see `IncrementalBuild`). Takes `content` over, so
    /// that each brief's Markdown can be freed once it is rendered (see `MarkdownPass`).
    static func resolve(_ content: consuming LoadedContent, includeDrafts: Bool, timer: PhaseTimer, markdownCache: MarkdownCache? = nil)
        -> (dossier: Dossier?, diagnostics: [Diagnostic]) {
        let start = PhaseTimer.now()
        var diagnostics = content.diagnostics
        var drafts: [BriefKind: Set<String>] = [:]
        /// The briefs to build: drafts are left out (and noted) unless they are included; without drafts to leave
        /// out, the same array, uncopied.
        func keep<B: RenderedBrief>(_ briefs: consuming [B]) -> [B] {
            guard !includeDrafts, briefs.contains(where: { $0.header.draft }) else { return briefs }
            return briefs.filter { brief in
                if brief.header.draft { drafts[brief.header.kind, default: []].insert(brief.header.slug) }
                return !brief.header.draft
            }
        }
        let pages = keep(take(&content.pages)).filter { page in
            guard Route.reservedSlugs.contains(page.header.slug) else { return true }
            diagnostics.append(Diagnostic(file: page.header.file, message: "the page slug '\(page.header.slug)' is taken by the site's own \(page.header.slug)/ section",
                                          hint: "rename the file, e.g. to 'about-\(page.header.slug).md'"))
            return false
        }
        let actors = keep(take(&content.actors)), proposals = keep(take(&content.proposals)), sources = take(&content.sources)
        // The orders, most of this step's work, are found on both cores: the proposals' beside the others.
        let (proposalOrder, (actorOrder, sourceOrder, pageOrder)) = Parallel.both({
            order(proposals, key: { ($0.proposed, $0.title.lowercased()) }, by: newestFirst)
        }, {
            (order(actors, key: { ($0.name.lowercased(), $0.header.slug) }, by: <),
             order(sources, key: { ($0.published, $0.title.lowercased()) }, by: newestFirst),
             order(pages, key: { ($0.title.lowercased(), $0.header.slug) }, by: <))
        })
        var dossier = Dossier(
            site: content.site ?? SiteSettings(title: ""), home: content.home,
            actors: permuted(actors, by: actorOrder), proposals: permuted(proposals, by: proposalOrder),
            sources: permuted(sources, by: sourceOrder), pages: permuted(pages, by: pageOrder),
            assets: content.assets)
        dossier.actorIndex = SlugIndex(dossier.actors.slugs)
        dossier.proposalIndex = SlugIndex(dossier.proposals.slugs)
        dossier.sourceIndex = SlugIndex(dossier.sources.slugs)

        var bodies = MarkdownPass.Bodies(taking: &dossier)
        let checker = ReferenceChecker(dossier: dossier, drafts: drafts, unreadable: content.unreadable)
        let hasSite = content.site != nil
        content = LoadedContent()
        diagnostics += checker.checkFrontMatter(dossier)
        let linked = MarkdownPass(checker: checker, renderer: MarkdownRenderer(allowHTML: dossier.site.allowHTML), cache: markdownCache)
        markdownCache?.startPass(allowHTML: dossier.site.allowHTML,
                                 briefs: dossier.actorIndex.count + dossier.proposalIndex.count + dossier.sourceIndex.count + dossier.pages.count)
        timer.add("resolve", PhaseTimer.seconds(since: start))
        diagnostics += timer.timed("parse") { linked.run(on: &dossier, bodies: &bodies) }
        let sorted = timer.timed("resolve") { () -> [Diagnostic] in
            derive(&dossier)
            return diagnostics.sorted()
        }
        return (sorted.hasErrors || !hasSite ? nil : dossier, sorted)
    }

    /// The indices of `items` sorted by a key computed once per element, not once per comparison.
    private static func order<B, K>(_ items: [B], key: (borrowing B) -> K, by less: (K, K) -> Bool) -> [Int] {
        let keys = items.indices.map { key(items[$0]) }
        return items.indices.sorted { less(keys[$0], keys[$1]) }
    }

    /// `items` in the order `order` gives. The elements are swapped into their places, not copied: a copy of a brief
    /// costs a retain of each of its fields.
    private static func permuted<B>(_ items: consuming [B], by order: [Int]) -> [B] {
        // Position i takes the element at order[i], one cycle of the permutation at a time.
        var placed = Array(repeating: false, count: items.count)
        items.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in buffer.indices where !placed[start] {
                let first = (base + start).move()
                var i = start
                while true {
                    placed[i] = true
                    let from = order[i]
                    if from == start {
                        (base + i).initialize(to: first)
                        break
                    }
                    (base + i).moveInitialize(from: base + from, count: 1)
                    i = from
                }
            }
        }
        return items
    }

    /// The array, left empty behind: the caller then holds the only reference, and sorting it in place copies nothing.
    private static func take<B>(_ array: inout [B]) -> [B] {
        var out: [B] = []
        swap(&out, &array)
        return out
    }

    /// Orders by date, newest first and undated last, then by lowercased title.
    private static func newestFirst(_ a: (PartialDate?, String), _ b: (PartialDate?, String)) -> Bool {
        switch (a.0, b.0) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.1 < b.1
        }
    }

    /// Fills in each front-matter reference's `index`, on every core: the derived relations and the pages then read it
    /// instead of looking the slug up again. Done after the Markdown pass, which may put back briefs kept from an
    /// earlier build, whose indices are those of that build.
    private static func link(_ d: inout Dossier) {
        let (actors, sources, proposals) = (d.actorIndex, d.sourceIndex, d.proposalIndex)
        func set(_ ref: inout Ref, _ index: SlugIndex) { ref.index = index[ref.slug] }
        func set(_ ref: inout Ref?, _ index: SlugIndex) { if ref != nil { ref!.index = index[ref!.slug] } }
        func set(_ refs: inout [Ref], _ index: SlugIndex) { for k in refs.indices { refs[k].index = index[refs[k].slug] } }
        Parallel.update(&d.actors) { a in
            set(&a.affiliation, actors)
            set(&a.memberOf, actors)
        }
        Parallel.update(&d.proposals) { p in
            set(&p.proposedBy, actors)
            for k in p.positions.indices {
                set(&p.positions[k].actor, actors)
                set(&p.positions[k].source, sources)
            }
            for k in p.timeline.indices {
                set(&p.timeline[k].actors, actors)
                set(&p.timeline[k].source, sources)
            }
            set(&p.related, proposals)
            set(&p.sources, sources)
        }
    }

    /// Fills in the relations that are written on one side only.
    static func derive(_ d: inout Dossier) {
        link(&d)
        // Each proposal's references are gathered on every core; then the relations and the timeline, which read the
        // briefs and nothing of each other, are built side by side.
        let links = Parallel.map(Array(d.proposals.indices)) { [proposals = d.proposals] p in ProposalLinks(proposals, p) }
        let (relations, entries) = Parallel.both({ [d] in Relations(d, links) }, { [d] in timeline(of: d) })
        d.positionsByActor = relations.positionsByActor
        d.proposedByActor = relations.proposedByActor
        d.affiliates = relations.affiliates
        d.members = relations.members
        d.related = relations.related
        d.citations = relations.citations
        d.timeline = entries
        d.matrixActors = Array(d.actors.indices.filter { !d.positionsByActor[$0].isEmpty }
            .sorted { (-d.positionsByActor[$0].count, $0) < (-d.positionsByActor[$1].count, $1) }
            .prefix(d.site.matrixActors))
    }

    /// Every dated entry: oldest first; on the same date by proposal title, then in the proposal's order. Titles are
    /// compared once, as ranks: sorting the entries by the titles themselves took most of `derive`'s time.
    private static func timeline(of d: Dossier) -> [TimelineEntry] {
        let byTitle = d.proposals.indices.sorted { d.proposals[$0].title < d.proposals[$1].title }
        var titleRank = Array(repeating: 0, count: d.proposals.count)
        for (rank, p) in byTitle.enumerated() {
            let previous = rank > 0 ? byTitle[rank - 1] : nil
            titleRank[p] = previous.map { d.proposals[$0].title == d.proposals[p].title ? titleRank[$0] : rank } ?? rank
        }
        // Dates compare as one number each (see `PartialDate.ordinal`).
        var timeline: [(date: Int, rank: Int, event: Int, entry: TimelineEntry)] = []
        for p in d.proposals.indices {
            if let date = d.proposals[p].proposed { timeline.append((date.ordinal, titleRank[p], -1, .proposed(proposal: p))) }
            for k in d.proposals[p].timeline.indices {
                timeline.append((d.proposals[p].timeline[k].date.ordinal, titleRank[p], k, .event(proposal: p, event: k)))
            }
        }
        return timeline.sorted { ($0.date, $0.rank, $0.event) < ($1.date, $1.rank, $1.event) }.map(\.entry)
    }
}

/// The relations written on one side only, seen from the other side.
private struct Relations {
    var positionsByActor: [[PositionRef]]
    var proposedByActor: [[Int]]
    var affiliates: [[Int]]
    var members: [[Int]]
    var related: [[Int]]
    var citations: [[Citation]]

    init(_ d: Dossier, _ links: [ProposalLinks]) {
        positionsByActor = Array(repeating: [], count: d.actors.count)
        proposedByActor = Array(repeating: [], count: d.actors.count)
        affiliates = Array(repeating: [], count: d.actors.count)
        members = Array(repeating: [], count: d.actors.count)
        citations = Array(repeating: [], count: d.sources.count)
        // Fields are read in place: `for proposal in d.proposals` would copy each brief, a retain per field.
        for i in d.actors.indices {
            if let a = d.actors[i].affiliation?.index, a != i { affiliates[a].append(i) }
            for m in d.actors[i].memberOf.compactMap(\.index).sortedUnique() where m != i { members[m].append(i) }
        }
        var related = Array(repeating: [Int](), count: d.proposals.count)
        for p in links.indices {
            for a in links[p].proposers { proposedByActor[a].append(p) }
            for (k, actor, source) in links[p].positions {
                let ref = PositionRef(proposal: p, position: k)
                if let actor { positionsByActor[actor].append(ref) }
                if let source { citations[source].append(.position(ref)) }
            }
            for (k, source) in links[p].eventSources { citations[source].append(.event(proposal: p, event: k)) }
            for s in links[p].sources { citations[s].append(.brief(proposal: p)) }
            for q in links[p].related where q != p {
                related[p].append(q)
                related[q].append(p)
            }
        }
        self.related = related.map { $0.sortedUnique() }
    }
}

private extension PageID {
    var isActorOrSource: Bool {
        if case .brief(let kind, _) = self { return kind == .actor || kind == .source }
        return false
    }
}

/// The briefs a proposal's front matter names, as indices in the dossier.
private struct ProposalLinks {
    /// Sorted, each once.
    var proposers: [Int]
    var positions: [(k: Int, actor: Int?, source: Int?)]
    var eventSources: [(k: Int, source: Int)]
    /// Sorted, each once.
    var sources: [Int]
    var related: [Int]

    /// The references of `proposals[i]`, read in place: passing the proposal itself copied it, a retain per field.
    init(_ proposals: [Proposal], _ i: Int) {
        proposers = proposals[i].proposedBy.compactMap(\.index).sortedUnique()
        positions = proposals[i].positions.indices.map { k in
            (k, proposals[i].positions[k].actor.index, proposals[i].positions[k].source?.index)
        }
        eventSources = proposals[i].timeline.indices.compactMap { k in proposals[i].timeline[k].source?.index.map { (k, $0) } }
        sources = proposals[i].sources.compactMap(\.index).sortedUnique()
        related = proposals[i].related.compactMap(\.index)
    }
}

/// Checks that references name published briefs, with hints for typos and drafts.
///
/// It keeps the briefs' slugs and titles, not the briefs: the Markdown pass changes the briefs in place while it
/// checks their links, and a copy of the dossier here made each array it changed a copy of its own (and, at
/// 10,000 briefs, about 10 MB more at the peak).
final class ReferenceChecker: Sendable {
    let drafts: [BriefKind: Set<String>]
    /// Briefs that exist but could not be read; their own error is enough.
    let unreadable: [BriefKind: Set<String>]
    private let actorIndex: SlugIndex, proposalIndex: SlugIndex, sourceIndex: SlugIndex
    private let slugs: (actors: [String], proposals: [String], sources: [String], pages: [String])
    /// Each brief's display name, in the order of `slugs`, and the home page's.
    private let titles: (actors: [String], proposals: [String], sources: [String], pages: [String], home: String)

    init(dossier: Dossier, drafts: [BriefKind: Set<String>], unreadable: [BriefKind: Set<String>]) {
        (self.drafts, self.unreadable) = (drafts, unreadable)
        (actorIndex, proposalIndex, sourceIndex) = (dossier.actorIndex, dossier.proposalIndex, dossier.sourceIndex)
        slugs = (dossier.actors.slugs, dossier.proposals.slugs, dossier.sources.slugs, dossier.pages.slugs)
        titles = (dossier.actors.map(\.name), dossier.proposals.map(\.title), dossier.sources.map(\.title),
                  dossier.pages.map(\.title), dossier.title(of: .home))
    }

    func exists(_ kind: BriefKind, _ slug: String) -> Bool {
        switch kind {
        case .actor: return actorIndex[slug] != nil
        case .proposal: return proposalIndex[slug] != nil
        case .source: return sourceIndex[slug] != nil
        case .page: return slugs.pages.contains(slug)
        }
    }

    /// The display name of a page, as `Dossier.title(of:)` gives it.
    func title(of id: PageID) -> String {
        switch id {
        case .home: return titles.home
        case .brief(.actor, let slug): return actorIndex[slug].map { titles.actors[$0] } ?? slug
        case .brief(.proposal, let slug): return proposalIndex[slug].map { titles.proposals[$0] } ?? slug
        case .brief(.source, let slug): return sourceIndex[slug].map { titles.sources[$0] } ?? slug
        case .brief(.page, let slug): return slugs.pages.firstIndex(of: slug).map { titles.pages[$0] } ?? slug
        }
    }

    /// A diagnostic for a reference to a missing or draft brief; nil when the reference is good.
    func problem(_ kind: BriefKind, _ slug: String, file: String, line: Int, column: Int) -> Diagnostic? {
        if exists(kind, slug) || unreadable[kind]?.contains(slug) == true { return nil }
        if drafts[kind]?.contains(slug) == true {
            return Diagnostic(file: file, line: line, column: column, message: "\(kind) '\(slug)' is a draft",
                              hint: "publish it (remove 'draft: true') or build with --drafts")
        }
        let candidates: [String]
        switch kind {
        case .actor: candidates = slugs.actors
        case .proposal: candidates = slugs.proposals
        case .source: candidates = slugs.sources
        case .page: candidates = slugs.pages
        }
        return Diagnostic(file: file, line: line, column: column, message: "unknown \(kind) '\(slug)'",
                          hint: Suggestion.hint(for: slug, in: candidates))
    }

    /// Every reference written in `d`'s front matter; on every core, each brief's references read in place.
    func checkFrontMatter(_ d: Dossier) -> [Diagnostic] {
        func check(_ kind: BriefKind, _ ref: Ref?, _ file: String, into out: inout [Diagnostic]) {
            guard let ref, let problem = problem(kind, ref.slug, file: file, line: ref.line, column: ref.column) else { return }
            out.append(problem)
        }
        var out: [Diagnostic] = []
        for i in d.actors.indices {
            let file = d.actors[i].header.file
            check(.actor, d.actors[i].affiliation, file, into: &out)
            for ref in d.actors[i].memberOf { check(.actor, ref, file, into: &out) }
        }
        out += Parallel.map(Array(d.proposals.indices)) { i -> [Diagnostic] in
            var out: [Diagnostic] = []
            let file = d.proposals[i].header.file
            for ref in d.proposals[i].proposedBy { check(.actor, ref, file, into: &out) }
            for k in d.proposals[i].positions.indices { check(.actor, d.proposals[i].positions[k].actor, file, into: &out) }
            for k in d.proposals[i].timeline.indices {
                for ref in d.proposals[i].timeline[k].actors { check(.actor, ref, file, into: &out) }
            }
            for ref in d.proposals[i].sources { check(.source, ref, file, into: &out) }
            for k in d.proposals[i].positions.indices { check(.source, d.proposals[i].positions[k].source, file, into: &out) }
            for k in d.proposals[i].timeline.indices { check(.source, d.proposals[i].timeline[k].source, file, into: &out) }
            for ref in d.proposals[i].related { check(.proposal, ref, file, into: &out) }
            return out
        }.flatMap { $0 }
        return out
    }
}

/// Renders every piece of Markdown in the dossier, resolving cross-references and recording mentions.
final class MarkdownPass {
    let checker: ReferenceChecker
    let renderer: MarkdownRenderer
    let cache: MarkdownCache?

    init(checker: ReferenceChecker, renderer: MarkdownRenderer, cache: MarkdownCache?) {
        (self.checker, self.renderer, self.cache) = (checker, renderer, cache)
    }

    /// The briefs' Markdown bodies, taken out of the briefs so that the pass frees each once it has rendered it and
    /// no copy of a brief keeps one alive: at 100,000 briefs the bodies are hundreds of megabytes.
    struct Bodies {
        var actors: [String], proposals: [String], sources: [String], pages: [String]

        init(taking dossier: inout Dossier) {
            func take<B: RenderedBrief>(_ briefs: inout [B]) -> [String] {
                var bodies: [String] = []
                bodies.reserveCapacity(briefs.count)
                for i in briefs.indices {
                    bodies.append(briefs[i].header.body)
                    briefs[i].header.body = ""
                }
                return bodies
            }
            (actors, proposals) = (take(&dossier.actors), take(&dossier.proposals))
            (sources, pages) = (take(&dossier.sources), take(&dossier.pages))
        }
    }

    /// The output of rendering one page's Markdown.
    struct Output {
        var id: PageID
        var diagnostics: [Diagnostic] = []
        var targets: Set<PageID> = []
        /// Every brief its links name, found or not.
        var references: Set<PageID> = []
    }

    /// Renders `text` for a page at `depth`, adding broken references to `out`.
    private func render(_ text: String, line: Int, column: Int = 1, inline: Bool = false, headingTop: Int? = nil, depth: Int,
                        file: String, into out: inout Output) -> String {
        // The checker is captured, not its tables: copies of those would cost a retain of each per text.
        let rendered = renderer.render(text, line: line, column: column, inline: inline, headingTop: headingTop) { [checker] ref in
            let id = PageID.brief(ref.kind, ref.slug)
            guard checker.exists(ref.kind, ref.slug) else { return nil }
            let href = Route.href(to: id, fromDepth: depth, fragment: ref.fragment)
            return ResolvedLink(href: href, name: checker.title(of: id))
        }
        for ref in rendered.references {
            // Only the cache asks which briefs a text names.
            if cache != nil { out.references.insert(.brief(ref.kind, ref.slug)) }
            if let problem = checker.problem(ref.kind, ref.slug, file: file, line: ref.line, column: ref.column) {
                out.diagnostics.append(problem)
            } else {
                out.targets.insert(.brief(ref.kind, ref.slug))
            }
        }
        for link in rendered.suspicious {
            let slug = link.url[link.url.index(after: link.url.firstIndex(of: ":")!)...]
            out.diagnostics.append(Diagnostic(file: file, line: link.line, column: link.column, severity: .warning,
                                              message: "link to '\(link.url)' is not a cross-reference",
                                              hint: "did you mean '\(link.meant.rawValue):\(slug)'?"))
        }
        return rendered.html
    }

    private func body(_ header: inout BriefHeader, _ markdown: String, depth: Int, into out: inout Output) {
        header.html = body(markdown, line: header.bodyLine, depth: depth, file: header.file, into: &out)
    }

    /// A body rendered with its headings where its page shows them: set in cmark's output, which is still in the
    /// cache, before it is copied into a string (instead of when the page renders, or in a second copy).
    private func body(_ markdown: String, line: Int, depth: Int, file: String, into out: inout Output) -> String {
        render(markdown, line: line, headingTop: HeadingLevels.top(atDepth: depth), depth: depth, file: file, into: &out)
    }

    /// Renders an inline text of a brief page into its `html` and empties its Markdown, which nothing reads afterwards.
    private func inline(_ text: inout InlineText, file: String, into out: inout Output) {
        text.html = render(text.markdown, line: text.line, column: text.column, inline: true, depth: 2, file: file, into: &out)
        text.markdown = ""
    }

    /// Renders each brief in place with `work` on every core, or takes it from the cache when nothing it depends on
    /// changed; collects their outputs in the briefs' order.
    private func each<B>(_ briefs: inout [B], _ bodies: inout [String], _ kind: BriefKind, _ outputs: inout [Output],
                         _ work: (inout B, String, inout Output) -> Void) where B: RenderedBrief {
        let results = briefs.withUnsafeMutableBufferPointer { briefs in
            bodies.withUnsafeMutableBufferPointer { bodies in
                Parallel.map(Array(briefs.indices)) { i -> (Output, fresh: Bool) in
                    let body = bodies[i]
                    bodies[i] = ""
                    let id = PageID.brief(kind, briefs[i].header.slug)
                    if let (cached, out) = cache?.reuse(id, file: briefs[i].header.file, as: B.self) {
                        briefs[i] = cached
                        return (out, false)
                    }
                    var out = Output(id: id)
                    work(&briefs[i], body, &out)
                    return (out, true)
                }
            }
        }
        if let cache {
            for (i, (out, fresh)) in results.enumerated() where fresh { cache.store(briefs[i], out, file: briefs[i].header.file) }
        }
        outputs += results.map(\.0)
    }

    func run(on dossier: inout Dossier, bodies: inout Bodies) -> [Diagnostic] {
        var outputs: [Output] = []
        each(&dossier.actors, &bodies.actors, .actor, &outputs) { actor, markdown, out in
            body(&actor.header, markdown, depth: 2, into: &out)
        }
        each(&dossier.proposals, &bodies.proposals, .proposal, &outputs) { p, markdown, out in
            let file = p.header.file
            body(&p.header, markdown, depth: 2, into: &out)
            for i in p.provisions.indices { inline(&p.provisions[i], file: file, into: &out) }
            for i in p.positions.indices where p.positions[i].note != nil { inline(&p.positions[i].note!, file: file, into: &out) }
            for i in p.timeline.indices {
                let markdown = p.timeline[i].text.markdown, (line, column) = (p.timeline[i].text.line, p.timeline[i].text.column)
                inline(&p.timeline[i].text, file: file, into: &out)
                if !markdown.withUTF8Bytes({ $0.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "&") } }) {
                    // Without a ':' (or an entity that could spell one) there is no cross-reference: the HTML is the
                    // same at every depth.
                    p.timeline[i].timelineHTML = p.timeline[i].text.html
                } else {
                    var again = Output(id: out.id)
                    p.timeline[i].timelineHTML = render(markdown, line: line, column: column, inline: true, depth: 1, file: file, into: &again)
                }
            }
        }
        each(&dossier.sources, &bodies.sources, .source, &outputs) { source, markdown, out in
            body(&source.header, markdown, depth: 2, into: &out)
        }
        each(&dossier.pages, &bodies.pages, .page, &outputs) { page, markdown, out in
            body(&page.header, markdown, depth: 1, into: &out)
        }
        if var home = dossier.home {
            var out = Output(id: .home)
            home.html = body(home.body, line: home.bodyLine, depth: 0, file: home.file, into: &out)
            dossier.home = home
            outputs.append(out)
        }

        // The sources each page links to, found on every core.
        let sourceLinks = Parallel.map(Array(outputs.indices)) { [outputs, sourceIndex = dossier.sourceIndex] i in
            outputs[i].targets.compactMap { target -> Int? in
                if case .brief(.source, let slug) = target { return sourceIndex[slug] }
                return nil
            }.sorted()
        }
        var diagnostics: [Diagnostic] = []
        // Taken in the order of their ids, each page's mentioning pages come out sorted.
        let order = outputs.indices.sorted(by: { outputs[$0].id < outputs[$1].id })
        // Mentions of actors and sources are gathered beside those of proposals, pages and the home page.
        var shards = Parallel.map([false, true]) { [outputs] actorsAndSources in
            var mentions: [PageID: [PageID]] = [:]
            for i in order {
                for target in outputs[i].targets where target.isActorOrSource == actorsAndSources && target != outputs[i].id {
                    mentions[target, default: []].append(outputs[i].id)
                }
            }
            return mentions
        }
        // The first shard is moved out, not copied: growing a copy copied every entry, on one core.
        var mentions = shards[0]
        let others = shards[1]
        shards = []
        mentions.reserveCapacity(mentions.count + others.count)
        for (target, pages) in others { mentions[target] = pages }
        dossier.sourceLinks.reserveCapacity(outputs.count)
        for i in order {
            diagnostics += outputs[i].diagnostics
            if !sourceLinks[i].isEmpty { dossier.sourceLinks[outputs[i].id] = sourceLinks[i] }
        }
        dossier.mentions = mentions
        return diagnostics
    }
}
