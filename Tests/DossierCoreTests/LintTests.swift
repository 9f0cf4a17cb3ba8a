import Foundation
import Testing
@testable import DossierCore

/// The editorial warnings of `dossier check`, computed from a resolved fixture.
@Suite struct LintTests {
    private func warnings(_ fixture: EditorFixture, today: String = "2025-09-01", staleDays: Int = 180) throws -> [String] {
        let report = Build.check(fixture.options())
        let dossier = try #require(report.dossier, "\(report.diagnostics)")
        let prefix = fixture.content + "/"
        return Lints.warnings(in: dossier, options: LintOptions(today: PartialDate(today)!, staleDays: staleDays)).map {
            #expect($0.severity == .warning)
            return DiagnosticFormat.text.render([$0]).replacingOccurrences(of: prefix, with: "")
        }
    }

    @Test func theFixtureHasNothingToWarnAbout() throws {
        #expect(try warnings(EditorFixture()) == [])
    }

    @Test func aPositionWithoutASourceIsWarnedAtItsActor() throws {
        let fixture = try EditorFixture()
        try fixture.edit("proposals/old-treaty.md", "    source: afp-report\n", "")
        #expect(try warnings(fixture) == [
            "proposals/old-treaty.md:6:12: warning: the position of 'italy' cites no source (add 'source: <source-slug>' so that readers can check it)\n",
        ])
    }

    @Test func anEventWithoutASourceIsWarnedAtItsLine() throws {
        let fixture = try EditorFixture()
        try fixture.edit("proposals/guarantee-plan.md", "    actors: [giorgia-meloni]\n    source: afp-report\n", "    actors: [giorgia-meloni]\n")
        #expect(try warnings(fixture) == [
            "proposals/guarantee-plan.md:17: warning: the event of 2025-08-16 cites no source (add 'source: <source-slug>' so that readers can check it)\n",
        ])
    }

    @Test func aSourceNothingCitesIsWarnedAtItsTitle() throws {
        let fixture = try EditorFixture()
        try fixture.write("sources/unused.md", "---\noutlet: Nobody\ntitle: Unused\n---\n")
        #expect(try warnings(fixture) == [
            "sources/unused.md:3: warning: source 'unused' is cited by nothing (cite it from a position, an event or a proposal's 'sources', or link it as [text](source:unused))\n",
        ])
    }

    @Test func aSourceLinkedOnlyFromMarkdownCountsAsCited() throws {
        let fixture = try EditorFixture()
        try fixture.write("sources/linked.md", "---\ntitle: Linked\n---\n")
        try fixture.edit("pages/about.md", "About this dossier", "About this dossier ([see](source:linked))")
        #expect(try warnings(fixture) == [])
    }

    @Test func anActorNothingMentionsIsWarnedAtItsName() throws {
        let fixture = try EditorFixture()
        try fixture.write("actors/france.md", "---\nkind: state\nname: France\nmember_of: [nato]\n---\n")
        #expect(try warnings(fixture) == [
            "actors/france.md:3: warning: actor 'france' is mentioned by no brief and holds no position (link it as [France](actor:france) or record its position on a proposal)\n",
        ])
    }

    @Test func anActorWithMembersOrInAnEventCountsAsUsed() throws {
        let fixture = try EditorFixture()
        try fixture.write("actors/eu.md", "---\nname: EU\nkind: organization\n---\n")
        try fixture.write("actors/france.md", "---\nname: France\nkind: state\nmember_of: [eu]\n---\n")
        try fixture.edit("proposals/guarantee-plan.md", "actors: [giorgia-meloni]", "actors: [giorgia-meloni, france]")
        #expect(try warnings(fixture) == [])
    }

    @Test func aProposalWithoutPositionsIsWarned() throws {
        let fixture = try EditorFixture()
        try fixture.write("proposals/empty.md", "---\ntitle: Empty\nstatus: floated\npositions: []\n---\n")
        #expect(try warnings(fixture) == [
            "proposals/empty.md:4: warning: proposal 'empty' has no positions (record who stands where under 'positions:')\n",
        ])
    }

    @Test func aBriefIsStaleOnlyOnceItsUpdatedDateIsOlderThanTheThreshold() throws {
        let fixture = try EditorFixture()
        // Italy was updated on 2025-08-01: 180 days later it is still fresh, 181 days later it is stale.
        #expect(try warnings(fixture, today: "2026-01-28") == [])
        #expect(try warnings(fixture, today: "2026-01-29") == [
            "actors/italy.md:5: warning: the brief was last updated on 2025-08-01, 181 days ago (review it and set 'updated' to the date of the review; briefs are stale after 180 days)\n",
        ])
        #expect(try warnings(fixture, today: "2030-01-01", staleDays: 0) == [])
    }

    @Test func aPartialUpdatedDateCountsFromItsLastDay() throws {
        let fixture = try EditorFixture()
        try fixture.edit("actors/italy.md", "updated: 2025-08-01", "updated: 2025-08")
        #expect(try warnings(fixture, today: "2025-09-30", staleDays: 30) == [])
        #expect(try warnings(fixture, today: "2025-10-01", staleDays: 30).count == 1)
    }
}
