import Foundation
import Testing

@Suite struct BuildCommandTests {
    @Test func aGoodBuildExitsZeroAndSummarisesThePages() throws {
        let fixture = Fixture()
        let result = try DossierBinary.run(["build", "--content", fixture.content, "--templates", Fixture.templates, "--output", fixture.output])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Built 15 pages (2 proposals, 3 actors, 2 sources, 1 pages, 7 indexes) into \(fixture.output)/ in "))
        #expect(result.stdout.hasSuffix("; 0 warnings.\n"))
    }

    @Test func contentErrorsExitOneAndArePrintedCompilerStyle() throws {
        let fixture = Fixture(changing: ["actors/nato.md": "---\nname: NATO\nkind: club\n---\n"])
        let result = try DossierBinary.run(["build", "--content", fixture.content, "--templates", Fixture.templates, "--output", fixture.output])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(fixture.content)/actors/nato.md:3:7: error: invalid kind 'club'; expected one of: person, state, organization\n"))
        #expect(result.stdout.contains("Build failed: 1 error, 0 warnings"))
    }

    @Test func noKeepPreviousDeletesTheReplacedSite() throws {
        let fixture = Fixture()
        let build = ["build", "--content", fixture.content, "--templates", Fixture.templates, "--output", fixture.output]
        #expect(try DossierBinary.run(build).status == 0)
        #expect(try DossierBinary.run(build).status == 0)
        #expect(FileManager.default.fileExists(atPath: fixture.previous))
        #expect(try DossierBinary.run(build + ["--no-keep-previous"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.previous))
        #expect(try DossierBinary.run(build + ["--no-keep-previous"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.previous))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try DossierBinary.run(["build", "--no-such-flag"]).status == 2)
        #expect(try DossierBinary.run(["build", "--base-url", "not a url"]).status == 2)
        #expect(try DossierBinary.run(["frobnicate"]).status == 2)
    }

    @Test func everyCommandHasHelp() throws {
        let result = try DossierBinary.run(["build", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--base-url") && result.stdout.contains("--drafts") && result.stdout.contains("--output")
                && result.stdout.contains("--no-keep-previous"))
    }
}
