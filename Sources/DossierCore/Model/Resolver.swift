/// Turns loaded content into a cross-linked dossier: checks every reference, renders every piece of
/// Markdown with its links resolved, and derives the relations that are written on one side only.
public enum Resolver {
    public static func resolve(_ content: LoadedContent, includeDrafts: Bool) -> (dossier: Dossier?, diagnostics: [Diagnostic]) {
        resolve(content, includeDrafts: includeDrafts, timer: PhaseTimer())
    }

    /// Resolves `content`, timing the Markdown pass as "parse" and everything else as "resolve"; with a
    /// `markdownCache`, briefs' Markdown is kept between builds (see `IncrementalBuild`).
    static func resolve(_ content: LoadedContent, includeDrafts: Bool, timer: PhaseTimer, markdownCache: MarkdownCache? = nil)
        -> (dossier: Dossier?, diagnostics: [Diagnostic]) {
        let start = PhaseTimer.now()
        var diagnostics = content.diagnostics
        var drafts: [BriefKind: Set<String>] = [:]
        /// The briefs to build: drafts are left out (and noted) unless they are included; without drafts to leave
        /// out, the same array, uncopied.
        func keep<B: RenderedBrief>(_ briefs: [B]) -> [B] {
            guard !includeDrafts, briefs.contains(where: { $0.header.draft }) else { return briefs }
            return briefs.filter { brief in
                if brief.header.draft { drafts[brief.header.kind, default: []].insert(brief.header.slug) }
                return !brief.header.draft
            }
        }
        let pages = keep(content.pages).filter { page in
            guard Route.reservedSlugs.contains(page.header.slug) else { return true }
            diagnostics.append(Diagnostic(file: page.header.file, message: "the page slug '\(page.header.slug)' is taken by the site's own \(page.header.slug)/ section",
                                          hint: "rename the file, e.g. to 'about-\(page.header.slug).md'"))
            return false
        }
        var dossier = Dossier(
            site: content.site ?? SiteSettings(title: ""), home: content.home,
            actors: sorted(keep(content.actors), key: { ($0.name.lowercased(), $0.header.slug) }, by: <),
            proposals: sorted(keep(content.proposals), key: { ($0.proposed, $0.title.lowercased()) }, by: newestFirst),
            sources: sorted(content.sources, key: { ($0.published, $0.title.lowercased()) }, by: newestFirst),
            pages: sorted(pages, key: { ($0.title.lowercased(), $0.header.slug) }, by: <),
            assets: content.assets)
        for (i, a) in dossier.actors.enumerated() { dossier.actorIndex[a.header.slug] = i }
        for (i, p) in dossier.proposals.enumerated() { dossier.proposalIndex[p.header.slug] = i }
        for (i, s) in dossier.sources.enumerated() { dossier.sourceIndex[s.header.slug] = i }

        let checker = ReferenceChecker(dossier: dossier, drafts: drafts, unreadable: content.unreadable)
        diagnostics += checker.checkFrontMatter()
        let linked = MarkdownPass(checker: checker, renderer: MarkdownRenderer(allowHTML: dossier.site.allowHTML), cache: markdownCache)
        markdownCache?.startPass(allowHTML: dossier.site.allowHTML,
                                 briefs: dossier.actorIndex.count + dossier.proposalIndex.count + dossier.sourceIndex.count + dossier.pages.count)
        timer.add("resolve", PhaseTimer.seconds(since: start))
        diagnostics += timer.timed("parse") { linked.run(on: &dossier) }
        let sorted = timer.timed("resolve") { () -> [Diagnostic] in
            derive(&dossier)
            return diagnostics.sorted()
        }
        return (sorted.hasErrors || content.site == nil ? nil : dossier, sorted)
    }

    /// Sorts by a key computed once per element, not once per comparison.
    private static func sorted<B, K>(_ items: [B], key: (B) -> K, by less: (K, K) -> Bool) -> [B] {
        let keys = items.map(key)
        return items.indices.sorted { less(keys[$0], keys[$1]) }.map { items[$0] }
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

    /// Fills in the relations that are written on one side only.
    static func derive(_ d: inout Dossier) {
        d.positionsByActor = Array(repeating: [], count: d.actors.count)
        d.proposedByActor = Array(repeating: [], count: d.actors.count)
        d.affiliates = Array(repeating: [], count: d.actors.count)
        d.members = Array(repeating: [], count: d.actors.count)
        d.related = Array(repeating: [], count: d.proposals.count)
        d.citations = Array(repeating: [], count: d.sources.count)
        // Fields are read in place: `for proposal in d.proposals` would copy each brief, a retain per field.
        for i in d.actors.indices {
            if let a = d.actors[i].affiliation.flatMap({ d.actorIndex[$0.slug] }), a != i { d.affiliates[a].append(i) }
            for m in Set(d.actors[i].memberOf.compactMap { d.actorIndex[$0.slug] }).sorted() where m != i { d.members[m].append(i) }
        }
        var related = Array(repeating: Set<Int>(), count: d.proposals.count)
        for p in d.proposals.indices {
            for a in Set(d.proposals[p].proposedBy.compactMap({ d.actorIndex[$0.slug] })).sorted() { d.proposedByActor[a].append(p) }
            for k in d.proposals[p].positions.indices {
                let ref = PositionRef(proposal: p, position: k)
                if let a = d.actorIndex[d.proposals[p].positions[k].actor.slug] { d.positionsByActor[a].append(ref) }
                if let s = d.proposals[p].positions[k].source.flatMap({ d.sourceIndex[$0.slug] }) { d.citations[s].append(.position(ref)) }
            }
            for k in d.proposals[p].timeline.indices {
                if let s = d.proposals[p].timeline[k].source.flatMap({ d.sourceIndex[$0.slug] }) { d.citations[s].append(.event(proposal: p, event: k)) }
            }
            for s in Set(d.proposals[p].sources.compactMap { d.sourceIndex[$0.slug] }).sorted() { d.citations[s].append(.brief(proposal: p)) }
            for q in d.proposals[p].related.compactMap({ d.proposalIndex[$0.slug] }) where q != p {
                related[p].insert(q)
                related[q].insert(p)
            }
        }
        d.related = related.map { $0.sorted() }

        // Oldest first; on the same date by proposal title, then in the proposal's order. Titles are compared once,
        // as ranks: sorting the entries by the titles themselves took most of this function's time.
        let byTitle = d.proposals.indices.sorted { d.proposals[$0].title < d.proposals[$1].title }
        var titleRank = Array(repeating: 0, count: d.proposals.count)
        for (rank, p) in byTitle.enumerated() {
            let previous = rank > 0 ? byTitle[rank - 1] : nil
            titleRank[p] = previous.map { d.proposals[$0].title == d.proposals[p].title ? titleRank[$0] : rank } ?? rank
        }
        var timeline: [(PartialDate, Int, Int, TimelineEntry)] = []
        for p in d.proposals.indices {
            if let date = d.proposals[p].proposed { timeline.append((date, titleRank[p], -1, .proposed(proposal: p))) }
            for k in d.proposals[p].timeline.indices {
                timeline.append((d.proposals[p].timeline[k].date, titleRank[p], k, .event(proposal: p, event: k)))
            }
        }
        d.timeline = timeline.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
        d.matrixActors = Array(d.actors.indices.filter { !d.positionsByActor[$0].isEmpty }
            .sorted { (-d.positionsByActor[$0].count, $0) < (-d.positionsByActor[$1].count, $1) }
            .prefix(d.site.matrixActors))
    }
}

/// Checks that references name published briefs, with hints for typos and drafts.
struct ReferenceChecker: Sendable {
    let dossier: Dossier
    let drafts: [BriefKind: Set<String>]
    /// Briefs that exist but could not be read; their own error is enough.
    let unreadable: [BriefKind: Set<String>]

    func exists(_ kind: BriefKind, _ slug: String) -> Bool {
        switch kind {
        case .actor: return dossier.actorIndex[slug] != nil
        case .proposal: return dossier.proposalIndex[slug] != nil
        case .source: return dossier.sourceIndex[slug] != nil
        case .page: return dossier.pages.contains { $0.header.slug == slug }
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
        case .actor: candidates = dossier.actors.map(\.header.slug)
        case .proposal: candidates = dossier.proposals.map(\.header.slug)
        case .source: candidates = dossier.sources.map(\.header.slug)
        case .page: candidates = dossier.pages.map(\.header.slug)
        }
        return Diagnostic(file: file, line: line, column: column, message: "unknown \(kind) '\(slug)'",
                          hint: Suggestion.hint(for: slug, in: candidates))
    }

    /// Every reference written in front matter; on every core, each brief's references read in place.
    func checkFrontMatter() -> [Diagnostic] {
        let d = dossier
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
struct MarkdownPass {
    let checker: ReferenceChecker
    let renderer: MarkdownRenderer
    var cache: MarkdownCache? = nil

    /// The output of rendering one page's Markdown.
    struct Output {
        var id: PageID
        var diagnostics: [Diagnostic] = []
        var targets: Set<PageID> = []
        /// Every brief its links name, found or not.
        var references: Set<PageID> = []
    }

    /// Renders `text` for a page at `depth`, adding broken references to `out`.
    private func render(_ text: String, line: Int, column: Int = 1, inline: Bool = false, depth: Int, file: String,
                        into out: inout Output) -> String {
        let dossier = checker.dossier
        let rendered = renderer.render(text, line: line, column: column, inline: inline) { ref in
            let id = PageID.brief(ref.kind, ref.slug)
            guard checker.exists(ref.kind, ref.slug) else { return nil }
            let href = Route.href(Route.path(id), fromDepth: depth) + (ref.fragment.map { "#" + $0 } ?? "")
            return ResolvedLink(href: href, name: dossier.title(of: id))
        }
        for ref in rendered.references {
            out.references.insert(.brief(ref.kind, ref.slug))
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

    private func body(_ header: inout BriefHeader, depth: Int, into out: inout Output) {
        header.html = render(header.body, line: header.bodyLine, depth: depth, file: header.file, into: &out)
    }

    /// Renders each brief with `work` on every core, or takes it from the cache when nothing it depends on changed;
    /// keeps the briefs in order and collects their outputs.
    private func each<B>(_ briefs: inout [B], _ id: (B) -> PageID, _ outputs: inout [Output],
                         _ work: (inout B, inout Output) -> Void) where B: RenderedBrief {
        let results = Parallel.map(briefs) { brief -> (B, Output, fresh: Bool) in
            if let (cached, out) = cache?.reuse(id(brief), file: brief.header.file, as: B.self) { return (cached, out, false) }
            var brief = brief, out = Output(id: id(brief))
            work(&brief, &out)
            return (brief, out, true)
        }
        if let cache {
            for (brief, out, fresh) in results where fresh { cache.store(brief, out, file: brief.header.file) }
        }
        briefs = results.map(\.0)
        outputs += results.map(\.1)
    }

    func run(on dossier: inout Dossier) -> [Diagnostic] {
        var outputs: [Output] = []
        each(&dossier.actors, { .brief(.actor, $0.header.slug) }, &outputs) { actor, out in
            body(&actor.header, depth: 2, into: &out)
        }
        each(&dossier.proposals, { .brief(.proposal, $0.header.slug) }, &outputs) { p, out in
            let file = p.header.file
            body(&p.header, depth: 2, into: &out)
            for i in p.provisions.indices {
                let t = p.provisions[i]
                p.provisions[i].html = render(t.markdown, line: t.line, column: t.column, inline: true, depth: 2, file: file, into: &out)
            }
            for i in p.positions.indices {
                guard let t = p.positions[i].note else { continue }
                p.positions[i].note?.html = render(t.markdown, line: t.line, column: t.column, inline: true, depth: 2, file: file, into: &out)
            }
            for i in p.timeline.indices {
                let t = p.timeline[i].text
                p.timeline[i].text.html = render(t.markdown, line: t.line, column: t.column, inline: true, depth: 2, file: file, into: &out)
                if !t.markdown.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "&") }) {
                    // Without a ':' (or an entity that could spell one) there is no cross-reference: the HTML is the
                    // same at every depth.
                    p.timeline[i].timelineHTML = p.timeline[i].text.html
                } else {
                    var again = Output(id: out.id)
                    p.timeline[i].timelineHTML = render(t.markdown, line: t.line, column: t.column, inline: true, depth: 1, file: file, into: &again)
                }
            }
        }
        each(&dossier.sources, { .brief(.source, $0.header.slug) }, &outputs) { source, out in
            body(&source.header, depth: 2, into: &out)
        }
        each(&dossier.pages, { .brief(.page, $0.header.slug) }, &outputs) { page, out in
            body(&page.header, depth: 1, into: &out)
        }
        if var home = dossier.home {
            var out = Output(id: .home)
            home.html = render(home.body, line: home.bodyLine, depth: 0, file: home.file, into: &out)
            dossier.home = home
            outputs.append(out)
        }

        var diagnostics: [Diagnostic] = []
        // Taken in the order of their ids, each page's mentioning pages come out sorted.
        var mentions: [PageID: [PageID]] = [:]
        for i in outputs.indices.sorted(by: { outputs[$0].id < outputs[$1].id }) {
            let out = outputs[i]
            diagnostics += out.diagnostics
            for target in out.targets where target != out.id {
                mentions[target, default: []].append(out.id)
            }
            let sources = out.targets.compactMap { target -> Int? in
                if case .brief(.source, let slug) = target { return dossier.sourceIndex[slug] }
                return nil
            }
            if !sources.isEmpty { dossier.sourceLinks[out.id] = sources.sorted() }
        }
        dossier.mentions = mentions
        return diagnostics
    }
}
