import Testing
@testable import DossierCore

@Suite struct ModelTests {
    @Test func aPositionIsSeenFromTheProposalAndFromTheActor() throws {
        let d = try #require(Fixture().check().dossier)
        let meloni = try #require(d.actorIndex["giorgia-meloni"])
        let plan = try #require(d.proposalIndex["meloni-guarantee"])
        #expect(d.positionsByActor[meloni] == [PositionRef(proposal: plan, position: 0)])
        #expect(d.proposedByActor[meloni] == [plan])
        let italy = try #require(d.actorIndex["italy"]), nato = try #require(d.actorIndex["nato"])
        #expect(d.affiliates[italy] == [meloni])
        #expect(d.members[nato] == [italy])
    }

    @Test func everyFrontMatterReferenceKnowsThePlaceOfItsBrief() throws {
        let d = try #require(Fixture().check().dossier)
        let plan = d.proposals[try #require(d.proposalIndex["meloni-guarantee"])]
        let refs = plan.proposedBy + plan.positions.map(\.actor) + plan.timeline.flatMap(\.actors)
        #expect(!refs.isEmpty)
        for ref in refs { #expect(ref.index.map { d.actors[$0].header.slug } == ref.slug) }
        let sources = plan.sources + plan.positions.compactMap(\.source) + plan.timeline.compactMap(\.source)
        #expect(!sources.isEmpty)
        for ref in sources { #expect(ref.index.map { d.sources[$0].header.slug } == ref.slug) }
        #expect(plan.related.map { $0.index.map { d.proposals[$0].header.slug } } == plan.related.map(\.slug))
        let italy = d.actors[try #require(d.actorIndex["italy"])]
        #expect(italy.memberOf.map { $0.index.map { d.actors[$0].header.slug } } == italy.memberOf.map(\.slug))
    }

    @Test func theReferenceCheckerNamesEveryPageAsTheDossierDoes() throws {
        let d = try #require(Fixture().check().dossier)
        let checker = ReferenceChecker(dossier: d, drafts: [:], unreadable: [:])
        var ids: [PageID] = [.home, .brief(.actor, "nobody"), .brief(.page, "nowhere")]
        ids += d.actors.map { .brief(.actor, $0.header.slug) } + d.proposals.map { .brief(.proposal, $0.header.slug) }
        ids += d.sources.map { .brief(.source, $0.header.slug) } + d.pages.map { .brief(.page, $0.header.slug) }
        #expect(ids.count > 8)
        for id in ids { #expect(checker.title(of: id) == d.title(of: id)) }
    }

    @Test func relatedProposalsAreLinkedBothWays() throws {
        let d = try #require(Fixture().check().dossier)
        let plan = try #require(d.proposalIndex["meloni-guarantee"]), membership = try #require(d.proposalIndex["nato-membership"])
        #expect(d.related[plan] == [membership] && d.related[membership] == [plan])
    }

    @Test func citationsCollectPositionsEventsAndBriefs() throws {
        let d = try #require(Fixture().check().dossier)
        let plan = try #require(d.proposalIndex["meloni-guarantee"])
        let afp = try #require(d.sourceIndex["afp-2025-08-16"]), opinion = try #require(d.sourceIndex["opinion-piece"])
        #expect(d.citations[afp] == [.position(PositionRef(proposal: plan, position: 0)), .event(proposal: plan, event: 0)])
        #expect(d.citations[opinion].contains(.brief(proposal: plan)))
        #expect(d.citations[opinion].count == 3)
    }

    @Test func everyMarkdownLinkIsRecordedAsAMention() throws {
        let d = try #require(Fixture().check().dossier)
        #expect(d.mentions[.brief(.actor, "giorgia-meloni")] == [.home])
        #expect(d.mentions[.brief(.proposal, "meloni-guarantee")] == [.brief(.actor, "giorgia-meloni")])
        #expect(d.mentions[.brief(.source, "afp-2025-08-16")] == [.brief(.proposal, "meloni-guarantee"), .brief(.page, "about")])
        #expect(d.mentions[.brief(.actor, "nato")] == [.brief(.actor, "italy")])
    }

    @Test func aLinkToAFreePageIsAMentionAndAnUnknownPageAnError() throws {
        let fixture = Fixture(changing: ["actors/nato.md": "---\nname: NATO\nkind: organization\n---\nSee [about](page:about) and [x](page:abuot).\n"])
        #expect(fixture.messages() == ["actors/nato.md:5:29: error: unknown page 'abuot' (did you mean 'about'?)"])
        fixture.write("actors/nato.md", "---\nname: NATO\nkind: organization\n---\nSee [about](page:about).\n")
        let d = try #require(fixture.check().dossier)
        #expect(d.mentions[.brief(.page, "about")] == [.brief(.actor, "nato")])
    }

    @Test func theTimelineRunsOldestFirstWithPartialDatesBeforeFullerOnes() throws {
        let d = try #require(Fixture(changing: ["proposals/nato-membership.md": """
            ---
            title: NATO membership
            status: rejected
            proposed: 2025-03-02
            positions:
              - actor: italy
                stance: conditional
                source: opinion-piece
            ---
            """]).check().dossier)
        let plan = try #require(d.proposalIndex["meloni-guarantee"]), membership = try #require(d.proposalIndex["nato-membership"])
        #expect(d.timeline == [.proposed(proposal: plan), .event(proposal: plan, event: 0), .proposed(proposal: membership)])
    }

    @Test func anUnknownActorInAPositionIsAnErrorWithItsLineAndASuggestion() {
        let fixture = Fixture(changing: ["proposals/nato-membership.md": """
            ---
            title: NATO membership
            status: rejected
            positions:
              - actor: giorgia-melony
                stance: conditional
                source: opinion-piece
            ---
            """])
        #expect(fixture.messages() == [
            "proposals/nato-membership.md:5:12: error: unknown actor 'giorgia-melony' (did you mean 'giorgia-meloni'?)",
        ])
    }

    @Test func everyKindOfBrokenReferenceIsReportedInOneRun() {
        let fixture = Fixture(changing: [
            "actors/nato.md": "---\nname: NATO\nkind: organization\naffiliation: natoo\n---\nSee [x](proposal:nope) and <source:afp>.\n",
            "proposals/nato-membership.md": """
                ---
                title: NATO membership
                status: rejected
                related: [meloni-guarantee, unknown-plan]
                sources: [afp-2025-08-17]
                positions:
                  - actor: italy
                    stance: conditional
                    source: opinion-piece
                    note: As [Italy](actor:itly) says.
                  - actor: italy
                    stance: opposes
                ---
                """,
        ])
        #expect(fixture.messages() == [
            "actors/nato.md:4:14: error: unknown actor 'natoo' (did you mean 'nato'?)",
            "actors/nato.md:6:5: error: unknown proposal 'nope'",
            "actors/nato.md:6:28: error: unknown source 'afp'",
            "proposals/nato-membership.md:4:29: error: unknown proposal 'unknown-plan'",
            "proposals/nato-membership.md:5:11: error: unknown source 'afp-2025-08-17' (did you mean 'afp-2025-08-16'?)",
            "proposals/nato-membership.md:10:14: error: unknown actor 'itly' (did you mean 'italy'?)",
            "proposals/nato-membership.md:11:12: error: duplicate position for actor 'italy' (the first is at line 7; an actor holds one position per proposal)",
        ])
    }

    @Test func aReferenceToADraftIsAnErrorUnlessDraftsAreBuilt() {
        let fixture = Fixture(changing: ["actors/nato.md": "---\nname: NATO\nkind: organization\ndraft: true\n---\n"])
        let messages = fixture.messages()
        #expect(messages.contains("actors/italy.md:4:13: error: actor 'nato' is a draft (publish it (remove 'draft: true') or build with --drafts)"))
        #expect(messages.contains { $0.hasPrefix("actors/italy.md:6:22: error: actor 'nato' is a draft") })
        #expect(fixture.messages(drafts: true).isEmpty)
    }

    @Test func aFreePageMayNotTakeTheNameOfASection() {
        let fixture = Fixture(changing: ["pages/matrix.md": "---\ntitle: Matrix\n---\n"])
        #expect(fixture.messages().first?.hasPrefix("pages/matrix.md:0:0: error: the page slug 'matrix' is taken") == true)
    }
}
