/// What every brief has, whatever its kind.
public struct BriefHeader: Sendable {
    public var kind: BriefKind
    public var slug: String
    /// The file as shown in diagnostics, e.g. `content/actors/italy.md`.
    public var file: String
    /// The Markdown body; emptied once the resolver has rendered it into `html`.
    public var body: String
    /// 1-based line where the body starts in the file.
    public var bodyLine: Int
    public var draft: Bool
    /// The line of each top-level front-matter field, in the order written, e.g. `[("name", 2), ("updated", 8)]`: a
    /// list, which costs a brief an allocation where a dictionary cost hashing every field.
    public var fieldLines: [(field: String, line: Int)] = []
    /// The body rendered to HTML, filled in by the resolver.
    public var html: String = ""

    /// The line `field` is written on, if it is.
    public func line(of field: String) -> Int? {
        fieldLines.first { $0.field == field }?.line
    }
}

/// A person, state or organisation.
public struct Actor: Sendable {
    public var header: BriefHeader
    public var name: String
    public var kind: ActorKind
    public var role: String?
    public var affiliation: Ref?
    public var memberOf: [Ref]
    public var aliases: [String]
    public var summary: String?
    public var updated: PartialDate?
}

/// Who stands where on a proposal; written on the proposal only.
public struct Position: Sendable {
    public var actor: Ref
    public var stance: Stance
    public var note: InlineText?
    public var quote: String?
    public var date: PartialDate?
    public var source: Ref?
    public var line: Int
}

/// A dated event in a proposal's life.
public struct Event: Sendable {
    public var date: PartialDate
    public var text: InlineText
    public var actors: [Ref]
    public var source: Ref?
    public var line: Int
    /// The event rendered for the timeline page, one level below the root, filled in by the resolver.
    public var timelineHTML: String = ""
}

/// A proposal on the table.
public struct Proposal: Sendable {
    public var header: BriefHeader
    public var title: String
    public var short: String?
    public var status: ProposalStatus
    public var proposed: PartialDate?
    public var proposedBy: [Ref]
    public var summary: String?
    public var provisions: [InlineText]
    public var positions: [Position]
    public var timeline: [Event]
    public var related: [Ref]
    public var sources: [Ref]
    public var updated: PartialDate?
}

/// A cited source: an article, statement or report.
public struct Source: Sendable {
    public var header: BriefHeader
    public var title: String
    public var outlet: String?
    public var kind: SourceKind
    public var published: PartialDate?
    public var url: String?
    public var author: String?
}

/// A free page such as `about`.
public struct Page: Sendable {
    public var header: BriefHeader
    public var title: String
    public var summary: String?
}

/// The home page's introduction, `content/index.md`.
public struct Home: Sendable {
    public var file: String
    public var title: String?
    public var summary: String?
    public var body: String
    public var bodyLine: Int
    public var html: String = ""
}

/// Settings from `content/site.yml`.
public struct SiteSettings: Sendable {
    public var title: String
    public var description: String?
    public var language: String
    public var baseURL: String?
    public var publisher: String?
    public var license: String?
    public var matrixActors: Int
    public var allowHTML: Bool

    public init(title: String, description: String? = nil, language: String = "en", baseURL: String? = nil,
                publisher: String? = nil, license: String? = nil, matrixActors: Int = 30, allowHTML: Bool = false) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.publisher = publisher
        self.license = license
        self.matrixActors = matrixActors
        self.allowHTML = allowHTML
    }
}

extension Array where Element: RenderedBrief {
    /// Each brief's slug, read in place: mapping over the briefs themselves copies each one, a retain per field.
    var slugs: [String] { indices.map { self[$0].header.slug } }
}
