import Foundation
import Testing
@testable import DossierCore

/// The preview's incremental build must always leave exactly what a full build writes.
@Suite struct IncrementalBuildTests {
    /// Runs the incremental build, then a full build of the same content into a fresh folder, and expects the same files.
    @discardableResult
    private func expectSameAsFullBuild(_ fixture: EditorFixture, _ build: IncrementalBuild,
                                       sourceLocation: SourceLocation = #_sourceLocation) -> IncrementalBuild.Outcome {
        let outcome = build.run()
        #expect(!outcome.report.diagnostics.hasErrors, "\(outcome.report.diagnostics)", sourceLocation: sourceLocation)
        let fullOptions = fixture.options(output: "full-\(UUID().uuidString)")
        let full = Build.run(fullOptions)
        #expect(full.succeeded, sourceLocation: sourceLocation)
        let incremental = EditorFixture.tree(build.options.output), expected = EditorFixture.tree(fullOptions.output)
        #expect(incremental.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (file, data) in expected.sorted(by: { $0.key < $1.key }) where incremental[file] != data {
            Issue.record("\(file) differs from the full build", sourceLocation: sourceLocation)
        }
        return outcome
    }

    @Test func theFirstRunWritesWhatAFullBuildWrites() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        let outcome = expectSameAsFullBuild(fixture, build)
        #expect(outcome.pagesWritten == outcome.pagesTotal)
        #expect(outcome.pagesTotal == 14)
    }

    @Test func aRunWithNothingChangedWritesNothing() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        let outcome = expectSameAsFullBuild(fixture, build)
        #expect(outcome.pagesWritten == 0)
    }

    @Test func editingABodyRewritesThatPageAndNotTheOthers() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("proposals/old-treaty.md", "A precedent.", "A precedent, much cited.")
        let outcome = expectSameAsFullBuild(fixture, build)
        #expect(outcome.pagesWritten == 1)
    }

    @Test func theEditedPageIsWrittenBeforeThePagesThatShowIt() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("proposals/old-treaty.md", "title: Old treaty", "title: Older treaty")
        let read = { (file: String) in (try? String(contentsOfFile: build.options.output + file, encoding: .utf8)) ?? "" }
        var seen: (brief: Bool, list: Bool, actor: Bool)?
        let outcome = build.run {
            seen = (read("/proposals/old-treaty/index.html").contains("Older treaty"), read("/proposals/index.html").contains("Older treaty"),
                    read("/actors/italy/index.html").contains("Older treaty"))
        }
        #expect(seen?.brief == true)
        #expect(seen?.list == false)
        #expect(seen?.actor == false)
        #expect(read("/proposals/index.html").contains("Older treaty"))
        #expect(read("/actors/italy/index.html").contains("Older treaty"))
        #expect(outcome.report.wrote)
        // A body edit too: the edited page first, then the pages that show it.
        try fixture.edit("proposals/old-treaty.md", "A precedent.", "A precedent, again.")
        var edited: Bool?
        _ = build.run { edited = read("/proposals/old-treaty/index.html").contains("A precedent, again.") }
        #expect(edited == true)
    }

    @Test func renamingAnActorReachesEveryPageThatNamesIt() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        // Italy is autolinked from Markdown (home, Meloni, a position note) and listed as NATO's member.
        try fixture.edit("actors/italy.md", "name: Italy", "name: Italian Republic")
        let outcome = expectSameAsFullBuild(fixture, build)
        #expect(outcome.pagesWritten > 1)
        #expect(outcome.pagesWritten < outcome.pagesTotal)
    }

    @Test func aNewPositionAppearsOnTheActorsPage() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("proposals/old-treaty.md", "positions:\n", "positions:\n  - actor: nato\n    stance: opposes\n")
        expectSameAsFullBuild(fixture, build)
    }

    @Test func retitlingASourceReachesThePagesThatCiteIt() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("sources/afp-report.md", "title: AFP report", "title: AFP wire report")
        expectSameAsFullBuild(fixture, build)
        // A source cited only by a position is shown on the actor's page, which nothing in the source refers to.
        try fixture.write("sources/ansa-note.md", "---\ntitle: ANSA note\n---\n")
        try fixture.edit("proposals/old-treaty.md", "source: afp-report", "source: ansa-note")
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("sources/ansa-note.md", "title: ANSA note", "title: ANSA wire")
        expectSameAsFullBuild(fixture, build)
    }

    @Test func redatingAProposalReordersTheListsThatHoldIt() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("proposals/old-treaty.md", "proposed: 1949", "proposed: 2026")
        expectSameAsFullBuild(fixture, build)
    }

    @Test func removingABriefRemovesItsPage() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("proposals/guarantee-plan.md", "related: [old-treaty]\n", "")
        try fixture.remove("proposals/old-treaty.md")
        let outcome = expectSameAsFullBuild(fixture, build)
        #expect(outcome.filesRemoved == 1)
        #expect(!FileManager.default.fileExists(atPath: build.options.output + "/proposals/old-treaty"))
    }

    @Test func addingABriefAndLinkingItWorks() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.write("actors/france.md", "---\nname: France\nkind: state\nmember_of: [nato]\n---\n")
        try fixture.edit("actors/nato.md", "The alliance.", "The alliance, with <actor:france>.")
        expectSameAsFullBuild(fixture, build)
    }

    @Test func retitlingAFreePageRebuildsEveryFooter() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("pages/about.md", "title: About", "title: About us")
        let outcome = expectSameAsFullBuild(fixture, build)
        #expect(outcome.pagesWritten == outcome.pagesTotal)
    }

    @Test func linksToAFreePageFollowItsEdits() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("actors/nato.md", "The alliance.", "The alliance; see <page:about>.")
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("pages/about.md", "About this dossier", "All about this dossier")
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("pages/about.md", "title: About", "title: About the dossier")
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("actors/nato.md", "; see <page:about>.", ".")
        expectSameAsFullBuild(fixture, build)
    }

    @Test func editingTheHomeIntroductionReachesThePagesItMentions() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("index.md", "title: Welcome", "title: Welcome home")
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("index.md", "<actor:italy>", "<actor:nato>")
        expectSameAsFullBuild(fixture, build)
    }

    @Test func changingATemplateRebuildsEveryPage() throws {
        let fixture = try EditorFixture()
        let templates = fixture.root.appendingPathComponent("templates").path
        try FileManager.default.copyItem(atPath: EditorFixture.templates, toPath: templates)
        let build = IncrementalBuild(options: fixture.options(templates: templates))
        expectSameAsFullBuild(fixture, build)
        let layout = templates + "/layout.mustache"
        let text = try String(contentsOfFile: layout, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "</footer>", with: "<p>Edited</p></footer>").utf8).write(to: URL(fileURLWithPath: layout))
        let outcome = build.run()
        #expect(outcome.pagesWritten == outcome.pagesTotal)
        #expect(try String(contentsOfFile: build.options.output + "/actors/nato/index.html", encoding: .utf8).contains("<p>Edited</p>"))
    }

    @Test func aBrokenEditWritesNothingAndItsFixIsBuiltInFull() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        let before = EditorFixture.tree(build.options.output)
        try fixture.edit("proposals/old-treaty.md", "stance: supports", "stance: supportz")
        let broken = build.run()
        #expect(broken.report.diagnostics.hasErrors)
        #expect(!broken.report.wrote)
        #expect(EditorFixture.tree(build.options.output) == before)
        // The fix changes the body too, so the page must be rebuilt although the broken run already read the file.
        try fixture.edit("proposals/old-treaty.md", "stance: supportz", "stance: opposes")
        try fixture.edit("proposals/old-treaty.md", "A precedent.", "A precedent, fixed.")
        expectSameAsFullBuild(fixture, build)
    }

    @Test func aBrokenLinksHintFollowsTheBriefsThatExist() throws {
        let fixture = try EditorFixture()
        let build = IncrementalBuild(options: fixture.options())
        expectSameAsFullBuild(fixture, build)
        try fixture.edit("proposals/old-treaty.md", "A precedent.", "A precedent for <actor:frence>.")
        let before = build.run()
        #expect(before.report.diagnostics == Build.check(fixture.options()).diagnostics)
        try fixture.write("actors/france.md", "---\nname: France\nkind: state\n---\n")
        let after = build.run()
        #expect(after.report.diagnostics == Build.check(fixture.options()).diagnostics)
        #expect(after.report.diagnostics.contains { $0.hint == "did you mean 'france'?" })
    }

    @Test func aContextLinkLeadsBackToItsPage() {
        #expect(ContextFingerprint.page(at: "../../actors/italy/#positions", fromDepth: 2) == .brief(.actor, "italy"))
        #expect(ContextFingerprint.page(at: "../proposals/x/", fromDepth: 1) == .brief(.proposal, "x"))
        #expect(ContextFingerprint.page(at: "../../", fromDepth: 2) == .home)
        #expect(ContextFingerprint.page(at: "../../proposals/", fromDepth: 2) == nil)
        #expect(ContextFingerprint.page(at: "https://example.org/", fromDepth: 2) == nil)
    }
}
