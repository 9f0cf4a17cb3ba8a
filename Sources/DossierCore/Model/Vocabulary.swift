/// Kinds of brief, each with its own folder under `content/` and its own URL prefix.
public enum BriefKind: String, Sendable, CaseIterable, Comparable {
    case actor, proposal, source, page

    /// The folder under `content/` and the URL prefix in the site (pages live at the root).
    public var folder: String {
        switch self {
        case .actor: "actors"
        case .proposal: "proposals"
        case .source: "sources"
        case .page: "pages"
        }
    }

    /// The kind whose folder is named by the UTF-8 bytes `name`.
    init?(folder name: some Collection<UInt8>) {
        guard let kind = Self.allCases.first(where: { $0.folder.utf8.elementsEqual(name) }) else { return nil }
        self = kind
    }

    /// The order of `allCases`, without building that array for each comparison.
    private var rank: Int {
        switch self {
        case .actor: 0
        case .proposal: 1
        case .source: 2
        case .page: 3
        }
    }

    public static func < (a: BriefKind, b: BriefKind) -> Bool {
        a.rank < b.rank
    }
}

public enum ActorKind: String, Sendable, CaseIterable {
    case person, state, organization
}

public enum ProposalStatus: String, Sendable, CaseIterable {
    case floated, underDiscussion = "under-discussion", endorsed, rejected, adopted, withdrawn, precedent
}

public enum Stance: String, Sendable, CaseIterable {
    case proposes, supports, conditional, undecided, skeptical, opposes
}

public enum SourceKind: String, Sendable, CaseIterable {
    case news, analysis, opinion, official, other
}

/// A reference to another brief written in front matter, with where it was written.
public struct Ref: Hashable, Sendable {
    public var slug: String
    public var line: Int
    public var column: Int
    /// The brief's place in the dossier's array of its kind, filled in by the resolver once the arrays are sorted;
    /// nil before, and when no brief of that kind has the slug. Pages read it instead of looking the slug up again.
    public var index: Int?
}

/// Inline Markdown written in front matter (a note, a provision, an event), with where it was written.
public struct InlineText: Hashable, Sendable {
    /// As written; emptied once the resolver has rendered it.
    public var markdown: String
    public var line: Int
    public var column: Int
    /// The Markdown rendered for a page two levels below the site's root, filled in by the resolver.
    public var html: String = ""
}
