import Foundation
import Testing

/// Runs the `dossier` executable built beside the tests.
struct CLI {
    static let binary: URL = {
        var dir = Bundle.main.bundleURL
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("dossier")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/dossier")
    }()

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

@Suite struct BuildCommandTests {
    @Test func aGoodBuildExitsZeroAndSummarisesThePages() throws {
        let fixture = Fixture()
        let result = try CLI.run(["build", "--content", fixture.content, "--templates", Fixture.templates, "--output", fixture.output])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("Built 15 pages (2 proposals, 3 actors, 2 sources, 1 pages, 7 indexes) into \(fixture.output)/ in "))
        #expect(result.out.hasSuffix("; 0 warnings.\n"))
    }

    @Test func contentErrorsExitOneAndArePrintedCompilerStyle() throws {
        let fixture = Fixture(changing: ["actors/nato.md": "---\nname: NATO\nkind: club\n---\n"])
        let result = try CLI.run(["build", "--content", fixture.content, "--templates", Fixture.templates, "--output", fixture.output])
        #expect(result.status == 1)
        #expect(result.err.contains("\(fixture.content)/actors/nato.md:3:7: error: invalid kind 'club'; expected one of: person, state, organization\n"))
        #expect(result.out.contains("Build failed: 1 error, 0 warnings"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["build", "--no-such-flag"]).status == 2)
        #expect(try CLI.run(["build", "--base-url", "not a url"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
    }

    @Test func everyCommandHasHelp() throws {
        let result = try CLI.run(["build", "--help"])
        #expect(result.status == 0)
        #expect(result.out.contains("--base-url") && result.out.contains("--drafts") && result.out.contains("--output"))
    }
}
