import Foundation
import Testing
@testable import DossierCore

/// `dossier check` run as a program: its output in each format and its exit status.
@Suite struct CheckCommandTests {
    /// A fixture with one error (a misspelt actor) and the warnings that come with it.
    private func broken() throws -> EditorFixture {
        let fixture = try EditorFixture()
        try fixture.edit("proposals/old-treaty.md", "  - actor: italy", "  - actor: itlay")
        return fixture
    }

    private func check(_ fixture: EditorFixture, _ extra: [String] = []) throws -> DossierBinary.Result {
        try DossierBinary.run(["check", "--content", fixture.content, "--templates", EditorFixture.templates] + extra)
    }

    @Test func aGoodDossierPassesWithItsWarningsAndExitsZero() throws {
        let fixture = try EditorFixture()
        let result = try check(fixture)
        #expect(result.status == 0)
        // The fixture's only warning: Italy's brief was last updated in August 2025, long enough ago to be stale.
        #expect(result.stdout.hasPrefix("\(fixture.content)/actors/italy.md:5: warning: the brief was last updated on 2025-08-01, "))
        #expect(result.stdout.hasSuffix("0 errors, 1 warning.\n"))
    }

    @Test func aCleanDossierSaysSo() throws {
        let fixture = try EditorFixture()
        try fixture.edit("actors/italy.md", "updated: 2025-08-01\n", "")
        let result = try check(fixture)
        #expect(result.stdout == "No problems found.\n")
        #expect(result.status == 0)
    }

    @Test func errorsArePrintedCompilerStyleAndExitOne() throws {
        let fixture = try broken()
        let result = try check(fixture)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(fixture.content)/proposals/old-treaty.md:6:12: error: unknown actor 'itlay' (did you mean 'italy'?)\n"))
        #expect(result.stdout.hasSuffix("1 error, 0 warnings.\n"))
    }

    @Test func theGithubFormatPrintsAnnotations() throws {
        let fixture = try broken()
        let result = try check(fixture, ["--format", "github"])
        #expect(result.status == 1)
        let file = fixture.content.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        #expect(result.stdout == "::error file=\(file)/proposals/old-treaty.md,line=6,col=12::unknown actor 'itlay' (did you mean 'italy'?)\n")
    }

    @Test func theJSONFormatPrintsOneArrayOfDiagnostics() throws {
        let fixture = try broken()
        let result = try check(fixture, ["--format", "json"])
        #expect(result.status == 1)
        let decoded = try JSONDecoder().decode([Diagnostic].self, from: Data(result.stdout.utf8))
        #expect(decoded == [Diagnostic(file: fixture.content + "/proposals/old-treaty.md", line: 6, column: 12,
                                       message: "unknown actor 'itlay'", hint: "did you mean 'italy'?")])
    }

    @Test func theJSONFormatPrintsAnEmptyArrayWhenAllIsWell() throws {
        let fixture = try EditorFixture()
        try fixture.edit("actors/italy.md", "updated: 2025-08-01\n", "")
        let result = try check(fixture, ["--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout == "[\n\n]\n" || result.stdout == "[]\n")
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let fixture = try EditorFixture()
        try fixture.write("sources/unused.md", "---\ntitle: Unused\n---\n")
        let relaxed = try check(fixture, ["--format", "github", "--stale-days", "0"])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("::warning file="))
        #expect(relaxed.stdout.contains("/sources/unused.md,line=2::source 'unused' is cited by nothing"))
        let strict = try check(fixture, ["--strict", "--stale-days", "0"])
        #expect(strict.status == 1)
    }

    @Test func aFrontMatterErrorPointsAtItsLineAndColumnInTheFile() throws {
        let fixture = try EditorFixture()
        try fixture.write("proposals/quoted.md", "---\ntitle: \"Unclosed\nstatus: floated\n---\nBody.\n")
        let result = try check(fixture)
        #expect(result.status == 1)
        #expect(result.stdout.contains("/proposals/quoted.md:2:8: error: a quote opened here is never closed (close the quote at the end of the value)"))
    }

    @Test func aUsageErrorExitsTwo() throws {
        let fixture = try EditorFixture()
        let result = try check(fixture, ["--format", "xml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format"))
    }
}
