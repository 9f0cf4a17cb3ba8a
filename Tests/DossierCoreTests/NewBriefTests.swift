import Foundation
import Testing
@testable import DossierCore

/// `dossier new`: a skeleton with every field, valid as written, that never overwrites.
@Suite struct NewBriefTests {
    static let fields: [BriefKind: Set<String>] = [
        .actor: ["name", "kind", "role", "affiliation", "member_of", "aliases", "summary", "updated", "draft"],
        .proposal: ["title", "short", "status", "proposed", "proposed_by", "summary", "provisions", "positions", "timeline",
                    "related", "sources", "updated", "draft"],
        .source: ["title", "outlet", "kind", "published", "url", "author"],
        .page: ["title", "summary", "draft"],
    ]

    private func header(_ dossier: Dossier, _ kind: BriefKind, _ slug: String) -> BriefHeader? {
        switch kind {
        case .actor: return dossier.actors.first { $0.header.slug == slug }?.header
        case .proposal: return dossier.proposals.first { $0.header.slug == slug }?.header
        case .source: return dossier.sources.first { $0.header.slug == slug }?.header
        case .page: return dossier.pages.first { $0.header.slug == slug }?.header
        }
    }

    @Test(arguments: BriefKind.allCases)
    func aNewBriefHasEveryFieldOfItsKindAndBuildsAsWritten(kind: BriefKind) throws {
        let fixture = try EditorFixture()
        let path = try NewBrief.create(kind, slug: "new-one", title: "A \"new\" one: fresh", content: fixture.content,
                                       today: PartialDate("2025-09-01")!)
        #expect(path == fixture.content + "/\(kind.folder)/new-one.md")
        let report = Build.check(fixture.options())
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        #expect(!report.diagnostics.contains { $0.message.contains("unknown field") })
        let dossier = try #require(report.dossier)
        let brief = try #require(header(dossier, kind, "new-one"))
        #expect(Set(brief.fieldLines.map(\.field)) == Self.fields[kind])
        #expect(dossier.title(of: .brief(kind, "new-one")) == "A \"new\" one: fresh")
    }

    @Test func theExampleItemsOfAProposalBuildOnceUncommented() throws {
        let fixture = try EditorFixture()
        let path = try NewBrief.create(.proposal, slug: "filled", content: fixture.content, today: PartialDate("2025-09-01")!)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "positions: []", with: "positions:")
            .replacingOccurrences(of: "timeline: []", with: "timeline:")
            .replacingOccurrences(of: "\n#  ", with: "\n  ").replacingOccurrences(of: "\n#    ", with: "\n    ")
            .replacingOccurrences(of: "actor-slug", with: "italy").replacingOccurrences(of: "source-slug", with: "afp-report")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let report = Build.check(fixture.options())
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let proposal = try #require(report.dossier?.proposals.first { $0.header.slug == "filled" })
        #expect(proposal.title == "Filled")
        #expect(proposal.positions.map(\.stance) == [.supports])
        #expect(proposal.timeline.map(\.date.description) == ["2025-08-16"])
    }

    @Test func anInvalidSlugIsRefusedWithTheCorrectedOne() {
        #expect(throws: NewBrief.Failure.self) { try NewBrief.validate("Giorgia Meloni", kind: .actor) }
        do {
            try NewBrief.validate("Giorgia Méloni!", kind: .actor)
        } catch {
            #expect(error.description == "invalid slug 'Giorgia Méloni!': a slug is lowercase letters, digits and single hyphens (use 'giorgia-meloni')")
        }
    }

    @Test func aPageCannotTakeASectionsSlug() {
        #expect(throws: NewBrief.Failure.self) { try NewBrief.validate("timeline", kind: .page) }
        #expect(throws: Never.self) { try NewBrief.validate("timeline", kind: .proposal) }
    }

    @Test func newPrintsThePathAndNeverOverwrites() throws {
        let fixture = try EditorFixture()
        let first = try DossierBinary.run(["new", "source", "ansa-note", "--title", "ANSA note", "--content", fixture.content])
        #expect(first.status == 0)
        #expect(first.stdout == fixture.content + "/sources/ansa-note.md\n")
        let again = try DossierBinary.run(["new", "source", "ansa-note", "--content", fixture.content])
        #expect(again.status == 1)
        #expect(again.stderr == "error: '\(fixture.content)/sources/ansa-note.md' already exists (edit it, or choose another slug)\n")
        #expect(try fixture.read("sources/ansa-note.md").contains("title: \"ANSA note\""))
    }

    @Test func newRefusesABadSlugAsAUsageError() throws {
        let fixture = try EditorFixture()
        let result = try DossierBinary.run(["new", "actor", "Emmanuel_Macron", "--content", fixture.content])
        #expect(result.status == 2)
        #expect(result.stderr.contains("use 'emmanuel-macron'"))
        #expect(!FileManager.default.fileExists(atPath: fixture.content + "/actors/Emmanuel_Macron.md"))
    }
}
