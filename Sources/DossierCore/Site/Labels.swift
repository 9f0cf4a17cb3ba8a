/// Words shown to readers for the content model's vocabularies.
enum Labels {
    static func status(_ s: ProposalStatus) -> String {
        switch s {
        case .floated: return "Floated"
        case .underDiscussion: return "Under discussion"
        case .endorsed: return "Endorsed"
        case .rejected: return "Rejected"
        case .adopted: return "Adopted"
        case .withdrawn: return "Withdrawn"
        case .precedent: return "Precedent"
        }
    }

    static func stance(_ s: Stance) -> String {
        switch s {
        case .proposes: return "Proposes"
        case .supports: return "Supports"
        case .conditional: return "Conditional"
        case .undecided: return "Undecided"
        case .skeptical: return "Skeptical"
        case .opposes: return "Opposes"
        }
    }

    /// How a source page lists a position that cites it: `Position: supports`. Each is a literal, which costs no
    /// allocation per citation.
    static func citedPosition(_ s: Stance) -> String {
        switch s {
        case .proposes: return "Position: proposes"
        case .supports: return "Position: supports"
        case .conditional: return "Position: conditional"
        case .undecided: return "Position: undecided"
        case .skeptical: return "Position: skeptical"
        case .opposes: return "Position: opposes"
        }
    }

    static func actorKind(_ k: ActorKind) -> String {
        switch k {
        case .person: return "Person"
        case .state: return "State"
        case .organization: return "Organisation"
        }
    }

    static func actorGroup(_ k: ActorKind) -> String {
        switch k {
        case .person: return "People"
        case .state: return "States"
        case .organization: return "Organisations"
        }
    }

    static func sourceKind(_ k: SourceKind) -> String {
        switch k {
        case .news: return "News"
        case .analysis: return "Analysis"
        case .opinion: return "Opinion"
        case .official: return "Official"
        case .other: return "Other"
        }
    }

    static func briefKind(_ k: BriefKind) -> String {
        switch k {
        case .actor: return "Actor"
        case .proposal: return "Proposal"
        case .source: return "Source"
        case .page: return "Page"
        }
    }
}
