import ArgumentParser
import DossierBenchKit
import Foundation

/// `make bench`: builds synthetic dossiers of several sizes, each in a child process of its own so that peak
/// memory is per size, and prints a table of wall time, phases, pages per second and peak memory.
@main
struct DossierBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "DossierBench",
        abstract: "Time dossier builds of synthetic content of several sizes.",
        discussion: "Writes each dossier into a temporary folder, removed afterwards; nothing is written into the repository.")

    @Argument(help: "Numbers of briefs, one dossier each.")
    var sizes: [Int] = [1_000, 10_000, 100_000]

    @Option(help: "The templates folder to build with.")
    var templates = "templates"

    @Option(help: "Builds per size; the row shows the run with the median wall time.")
    var runs = 1

    @Option(help: "Only write the synthetic content of the first size into this folder, to build or inspect it by hand.")
    var generate: String?

    @Option(help: .private)
    var child: String?

    func run() throws {
        if let generate {
            try FileManager.default.createDirectory(atPath: generate, withIntermediateDirectories: true)
            try SyntheticDossier(briefs: sizes.first ?? 0).write(to: generate)
            return
        }
        if let child {
            let result = try Benchmark.build(folder: child, briefs: sizes.first ?? 0, templates: templates)
            FileHandle.standardOutput.write(try JSONEncoder().encode(result))
            return
        }
        guard FileManager.default.fileExists(atPath: templates + "/layout.mustache") else {
            throw ValidationError("no templates at '\(templates)': run from the repository's root or pass --templates")
        }
        print(BenchTable.header)
        for briefs in sizes {
            let folder = try Benchmark.prepare(briefs: briefs)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            var results: [BenchResult] = []
            for _ in 0..<max(1, runs) {
                try? FileManager.default.removeItem(atPath: folder + "/public")
                results.append(try measure(folder: folder, briefs: briefs))
            }
            print(BenchTable.row(results.sorted { $0.wall < $1.wall }[results.count / 2]))
        }
    }

    /// Builds in a child process of this executable and reads its result.
    private func measure(folder: String, briefs: Int) throws -> BenchResult {
        let process = Process()
        process.executableURL = Bundle.main.executableURL
        process.arguments = ["--child", folder, "--templates", templates, String(briefs)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ExitCode(process.terminationStatus) }
        return try JSONDecoder().decode(BenchResult.self, from: data)
    }
}
