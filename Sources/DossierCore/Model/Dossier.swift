/// A position seen from the actor's side: which proposal, and where in its positions.
public struct PositionRef: Hashable, Sendable {
    public var proposal: Int
    public var position: Int
}

/// Something that cites a source.
public enum Citation: Hashable, Sendable {
    /// A proposal lists the source under `sources`.
    case brief(proposal: Int)
    case position(PositionRef)
    case event(proposal: Int, event: Int)
}

/// An entry of the dossier-wide timeline.
public enum TimelineEntry: Hashable, Sendable {
    case proposed(proposal: Int)
    case event(proposal: Int, event: Int)
}

/// The resolved, cross-linked dossier: every brief published in this build, every relation seen from both sides.
///
/// Arrays are in display order; relations hold indices into them.
public struct Dossier: Sendable {
    public var site: SiteSettings
    public var home: Home?
    /// Sorted by name.
    public var actors: [Actor]
    /// Newest proposal first, undated last, then by title.
    public var proposals: [Proposal]
    /// Newest first, undated last, then by title.
    public var sources: [Source]
    /// Sorted by title.
    public var pages: [Page]
    public var assets: [String]

    public var actorIndex = SlugIndex()
    public var proposalIndex = SlugIndex()
    public var sourceIndex = SlugIndex()

    /// Actor index → positions taken, in proposal order.
    public var positionsByActor: [[PositionRef]] = []
    /// Actor index → proposals the actor put forward.
    public var proposedByActor: [[Int]] = []
    /// Actor index → actors affiliated with it.
    public var affiliates: [[Int]] = []
    /// Actor index → actors that are members of it.
    public var members: [[Int]] = []
    /// Proposal index → related proposals, declared on either side.
    public var related: [[Int]] = []
    /// Source index → what cites it.
    public var citations: [[Citation]] = []
    /// Page → pages whose Markdown links to it, sorted.
    public var mentions: [PageID: [PageID]] = [:]
    /// Page → sources its Markdown links to.
    public var sourceLinks: [PageID: [Int]] = [:]
    /// Every dated event and proposal date, oldest first.
    public var timeline: [TimelineEntry] = []
    /// The actors shown as matrix columns: most positions first.
    public var matrixActors: [Int] = []

    /// The display name of a page.
    public func title(of id: PageID) -> String {
        switch id {
        case .home: return home?.title ?? site.title
        case .brief(.actor, let slug): return actorIndex[slug].map { actors[$0].name } ?? slug
        case .brief(.proposal, let slug): return proposalIndex[slug].map { proposals[$0].title } ?? slug
        case .brief(.source, let slug): return sourceIndex[slug].map { sources[$0].title } ?? slug
        case .brief(.page, let slug): return pages.first { $0.header.slug == slug }?.title ?? slug
        }
    }

    /// Sources cited by a proposal in any way: its list, its positions, its events, its links.
    public func sourcesCited(byProposal p: Int) -> [Int] {
        var found = sourceLinks[.brief(.proposal, proposals[p].header.slug)] ?? []
        func add(_ ref: Ref?) {
            if let i = ref?.index { found.append(i) }
        }
        for ref in proposals[p].sources { add(ref) }
        for k in proposals[p].positions.indices { add(proposals[p].positions[k].source) }
        for k in proposals[p].timeline.indices { add(proposals[p].timeline[k].source) }
        return found.sortedUnique()
    }

    /// Sources cited by an actor's positions and linked from the actor's brief.
    public func sourcesCited(byActor a: Int) -> [Int] {
        let cited = positionsByActor[a].compactMap { ref in
            proposals[ref.proposal].positions[ref.position].source?.index
        }
        return (cited + (sourceLinks[.brief(.actor, actors[a].header.slug)] ?? [])).sortedUnique()
    }
}
