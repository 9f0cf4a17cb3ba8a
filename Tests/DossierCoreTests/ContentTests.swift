import Foundation
import Testing
@testable import DossierCore

@Suite struct ContentTests {
    @Test func everyFieldOfEveryKindIsDecoded() throws {
        let fixture = Fixture()
        let content = ContentLoader.load(from: fixture.content)
        #expect(content.diagnostics.isEmpty)

        let site = try #require(content.site)
        #expect(site.title == "Test dossier" && site.description == "A dossier for tests." && site.language == "en-GB")
        #expect(site.matrixActors == 30 && site.allowHTML == false)

        let meloni = try #require(content.actors.first { $0.header.slug == "giorgia-meloni" })
        #expect(meloni.name == "Giorgia Meloni" && meloni.kind == .person && meloni.role == "Prime Minister of Italy")
        #expect(meloni.affiliation?.slug == "italy" && meloni.aliases == ["Meloni"] && meloni.summary == "Italian prime minister.")
        #expect(meloni.updated == PartialDate("2025-08") && meloni.header.draft == false)
        #expect(content.actors.first { $0.header.slug == "italy" }?.memberOf.map(\.slug) == ["nato"])

        let plan = try #require(content.proposals.first { $0.header.slug == "meloni-guarantee" })
        #expect(plan.title == "Article 5-style guarantee" && plan.short == "Meloni plan" && plan.status == .underDiscussion)
        #expect(plan.proposed == PartialDate("2025-03") && plan.proposedBy.map(\.slug) == ["giorgia-meloni"])
        #expect(plan.provisions.map(\.markdown) == ["A **24-hour** decision clause", "Response options short of war"])
        #expect(plan.related.map(\.slug) == ["nato-membership"] && plan.sources.map(\.slug) == ["opinion-piece"])
        #expect(plan.updated == PartialDate("2025-08-16"))
        let position = try #require(plan.positions.first)
        #expect(position.actor.slug == "giorgia-meloni" && position.stance == .proposes && position.quote == "We need guarantees.")
        #expect(position.date == PartialDate("2025-03") && position.source?.slug == "afp-2025-08-16")
        #expect(position.note?.markdown == "Put it forward in [March](source:afp-2025-08-16).")
        let event = try #require(plan.timeline.first)
        #expect(event.date == PartialDate("2025-03") && event.actors.map(\.slug) == ["giorgia-meloni"] && event.source?.slug == "afp-2025-08-16")

        let afp = try #require(content.sources.first { $0.header.slug == "afp-2025-08-16" })
        #expect(afp.title == "US proposed NATO-style guarantees" && afp.outlet == "The Defense Post / AFP" && afp.kind == .news)
        #expect(afp.published == PartialDate("2025-08-16") && afp.url == "https://example.org/afp" && afp.author == "AFP")
        #expect(content.sources.first { $0.header.slug == "opinion-piece" }?.kind == .opinion)

        let about = try #require(content.pages.first)
        #expect(about.title == "About" && about.summary == "How the dossier is made.")
        #expect(content.home?.title == "Welcome")
    }

    @Test func fieldsAreReportedAtTheirLineInTheFile() throws {
        let fixture = Fixture()
        let content = ContentLoader.load(from: fixture.content)
        let plan = try #require(content.proposals.first { $0.header.slug == "meloni-guarantee" })
        #expect(plan.proposedBy.first?.line == 6)
        #expect(plan.positions.first?.actor.line == 12)
        #expect(plan.header.bodyLine == 30)
    }

    @Test func partialDatesSortBeforeFullerDatesAndDisplayAtTheirPrecision() throws {
        let year = try #require(PartialDate("2025")), month = try #require(PartialDate("2025-03"))
        let day = try #require(PartialDate("2025-03-01"))
        #expect(year < month && month < day && day < PartialDate("2025-04")!)
        #expect([year.display, month.display, day.display] == ["2025", "March 2025", "1 March 2025"])
        #expect(day.description == "2025-03-01")
        for bad in ["16/08/2025", "2025-13-01", "2025-02-30", "25", "2025-3", "2025-03-1", "2025-03-01T10:00"] {
            #expect(PartialDate(bad) == nil, "\(bad) should be rejected")
        }
        #expect(PartialDate("2024-02-29") != nil && PartialDate("2025-02-29") == nil)
    }

    @Test func aByteOrderMarkAndWindowsLineEndingsAreTolerated() throws {
        let fixture = Fixture(changing: [
            "actors/nato.md": "\u{FEFF}---\r\nname: NATO\r\nkind: organization\r\n---\r\nThe alliance.\r\n",
        ])
        let content = ContentLoader.load(from: fixture.content)
        #expect(content.diagnostics.isEmpty)
        let nato = try #require(content.actors.first { $0.header.slug == "nato" })
        #expect(nato.name == "NATO" && nato.header.body == "The alliance.\n")
    }

    @Test func frontMatterMayCloseWithThreeDots() throws {
        let fixture = Fixture(changing: ["actors/nato.md": "---\nname: NATO\nkind: organization\n...\nBody.\n"])
        #expect(fixture.messages().isEmpty)
    }

    @Test func anInvalidFileNameIsAnErrorThatProposesTheCorrectedSlug() {
        let fixture = Fixture(changing: ["actors/Giorgia_Meloni.md": "---\nname: X\nkind: person\n---\n"])
        #expect(fixture.messages().contains(
            "actors/Giorgia_Meloni.md:0:0: error: invalid file name 'Giorgia_Meloni.md': a slug is lowercase letters, digits and single hyphens (rename it to 'giorgia-meloni.md')"))
    }

    @Test func aStrayFileIsAnErrorButDotfilesAndAssetsAreNot() {
        let fixture = Fixture(changing: [
            "actors/notes.txt": "x", "proposal/x.md": "x", ".git/config": "x", "actors/.draft.md": "x",
            "assets/notes.md": "x", "assets/img/logo.svg": "<svg/>", "assets/.hidden": "x",
        ])
        let messages = fixture.messages()
        #expect(messages.contains { $0.hasPrefix("actors/notes.txt:0:0: error: stray file") })
        #expect(messages.contains("proposal/x.md:0:0: error: stray file in content/ (did you mean 'proposals/'?)"))
        #expect(messages.count == 2)
        #expect(ContentLoader.load(from: fixture.content).assets == ["img/logo.svg", "notes.md"])
    }

    @Test func invalidUTF8IsAnErrorWithItsLine() {
        let fixture = Fixture()
        fixture.write("actors/nato.md", data: Data("---\nname: NATO\nkind: organization\n---\nCaf".utf8) + Data([0xE9, 0x0A]))
        #expect(fixture.messages() == ["actors/nato.md:5:4: error: invalid UTF-8 (save the file as UTF-8)"])
    }

    @Test func aBadDateIsAnErrorWithItsLineAndColumn() {
        let fixture = Fixture(changing: ["sources/opinion-piece.md": "---\ntitle: An opinion piece\npublished: 16/08/2025\n---\n"])
        #expect(fixture.messages() == [
            "sources/opinion-piece.md:3:12: error: invalid date '16/08/2025' in 'published' (write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-08-16)",
        ])
    }

    @Test func aValueOutsideItsVocabularyListsTheAllowedValues() {
        let fixture = Fixture(changing: ["proposals/nato-membership.md": """
            ---
            title: NATO membership
            status: rejectd
            positions:
              - actor: italy
                stance: support
                source: opinion-piece
            ---
            """])
        #expect(fixture.messages() == [
            "proposals/nato-membership.md:3:9: error: invalid status 'rejectd'; expected one of: floated, under-discussion, endorsed, rejected, adopted, withdrawn, precedent (did you mean 'rejected'?)",
            "proposals/nato-membership.md:6:13: error: invalid stance 'support'; expected one of: proposes, supports, conditional, undecided, skeptical, opposes (did you mean 'supports'?)",
        ])
    }

    @Test func aMissingRequiredFieldIsAnError() {
        let fixture = Fixture(changing: ["actors/nato.md": "---\nname: NATO\n---\n"])
        #expect(fixture.messages() == ["actors/nato.md:2:1: error: missing required field 'kind'"])
    }

    @Test func anUnknownFieldIsAWarningNamingTheClosestKnownField() {
        let fixture = Fixture(changing: ["actors/nato.md": "---\nname: NATO\nkind: organization\nmembers_of: [nato]\n---\n"])
        #expect(fixture.messages() == [
            "actors/nato.md:4:1: warning: unknown field 'members_of' (did you mean 'member_of'?)",
        ])
        #expect(fixture.check().succeeded)
    }

    @Test func aKeyThatIsAListIsNeverReadAsAField() {
        // Left to Yams; the list's first item, `kind`, must not pass for the field `kind`.
        let fixture = Fixture(changing: ["actors/nato.md": "---\n? [kind, a, b, c]\n: state\nname: NATO\n---\n"])
        #expect(fixture.messages() == [
            "actors/nato.md:2:1: error: missing required field 'kind'",
            "actors/nato.md:2:3: warning: unknown field ''",
        ])
    }

    @Test func aURLThatIsNotHTTPIsAnError() {
        let fixture = Fixture(changing: ["sources/opinion-piece.md": "---\ntitle: An opinion piece\nurl: javascript:alert(1)\n---\n"])
        #expect(fixture.messages().first?.hasPrefix(
            "sources/opinion-piece.md:3:6: error: 'url' must be an http or https URL, not 'javascript:alert(1)'") == true)
    }

    @Test func aYAMLSyntaxErrorPointsAtItsLineInTheFile() {
        let fixture = Fixture(changing: ["actors/nato.md": "---\nname: NATO\nkind: organization\nsummary: NATO: an alliance\n---\n"])
        #expect(fixture.messages() == [
            "actors/nato.md:4:14: error: a ':' followed by a space inside a value (put the value in quotes: key: \"text: more text\")",
        ])
    }

    @Test func aBriefWithoutFrontMatterOrWithUnclosedFrontMatterIsAnError() {
        let fixture = Fixture(changing: ["actors/nato.md": "Just text.\n", "actors/italy.md": "---\nname: Italy\nkind: state\n"])
        #expect(fixture.messages().contains { $0.hasPrefix("actors/italy.md:1:1: error: front matter is not closed") })
        #expect(fixture.messages().contains { $0.hasPrefix("actors/nato.md:1:1: error: missing front matter") })
    }

    @Test func slugsAreValidatedAndCorrected() {
        #expect(Slug.isValid("giorgia-meloni") && Slug.isValid("article-5-like") && Slug.isValid("a1"))
        for bad in ["Giorgia", "a--b", "-a", "a-", "a_b", "", "é"] { #expect(!Slug.isValid(bad), "\(bad)") }
        #expect(Slug.corrected("Giorgia_Meloni") == "giorgia-meloni")
        #expect(Slug.corrected("Café  Crème--2025") == "cafe-creme-2025")
    }
}
