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
        discussion: "Writes each dossier into a temporary folder, all removed at the end; nothing is written into the repository.")

    @Argument(help: "Numbers of briefs, one dossier each.")
    var sizes: [Int] = [1_000, 10_000, 100_000]

    @Option(help: "The templates folder to build with.")
    var templates = "templates"

    @Option(help: "Builds per size; the row shows the run with the median wall time.")
    var runs = 1

    @Option(help: "Only write the synthetic content of the first size into this folder, to build or inspect it by hand.")
    var generate: String?

    @Option(help: "Also time the preview's rebuild after this many body edits and as many title edits of one proposal, per size.")
    var edits = 0

    @Option(help: .private)
    var child: String?

    @Option(help: .private)
    var childOutput = "public"

    @Option(help: .private)
    var childEdits: String?

    func run() throws {
        if let generate {
            try FileManager.default.createDirectory(atPath: generate, withIntermediateDirectories: true)
            try SyntheticDossier(briefs: sizes.first ?? 0).write(to: generate)
            return
        }
        if let child {
            let result = try Benchmark.build(folder: child, briefs: sizes.first ?? 0, templates: templates, output: childOutput)
            FileHandle.standardOutput.write(try JSONEncoder().encode(result))
            return
        }
        if let childEdits {
            let results = try Benchmark.edits(folder: childEdits, briefs: sizes.first ?? 0, templates: templates, count: edits)
            FileHandle.standardOutput.write(try JSONEncoder().encode(results))
            return
        }
        guard FileManager.default.fileExists(atPath: templates + "/layout.mustache") else {
            throw ValidationError("no templates at '\(templates)': run from the repository's root or pass --templates")
        }
        print(BenchTable.header)
        var editResults: [EditResult] = []
        // Every build writes a new site, and nothing is removed until the end: on ext4 without a journal (as on the
        // machines this runs on), creating thousands of folders within minutes of deleting thousands slowed a build
        // by a second and more, which measured the last clean-up instead of the build.
        var folders: [String] = []
        defer { for folder in folders { try? FileManager.default.removeItem(atPath: folder) } }
        // Every size's content is written first and flushed to the disk, so that no build shares the machine with the
        // writing out of the 860 MB of the 100,000-brief content; then the rounds alternate between the sizes (see
        // `BenchSchedule`).
        for briefs in sizes { folders.append(try Benchmark.prepare(briefs: briefs)) }
        var results: [Int: [BenchResult]] = [:]
        for (briefs, run) in BenchSchedule.builds(sizes: sizes, runs: runs) {
            // Likewise, each build starts once the last one's site is on the disk: a 100,000-brief build leaves
            // 3.2 GB of HTML to write out, which made the next build wait on the disk in its own writes, or share
            // the cores with the writing out, and so measured the build before it.
            sync()
            let folder = folders[sizes.firstIndex(of: briefs)!]
            let output = run == 0 ? "public" : "public-\(run + 1)"
            results[briefs, default: []].append(try child(BenchResult.self, ["--child", folder, "--child-output", output, String(briefs)]))
        }
        let rows = sizes.compactMap { BenchSchedule.median(results[$0] ?? []) }
        for row in rows { print(BenchTable.row(row)) }
        for (briefs, folder) in zip(sizes, folders) where edits > 0 {
            editResults += try child([EditResult].self, ["--child-edits", folder, "--edits", String(edits), String(briefs)])
        }
        // How each size grew from the one before (the target: 100,000 briefs in at most 11× the time of 10,000).
        for (small, large) in zip(rows, rows.dropFirst()) where large.briefs > small.briefs {
            print(BenchTable.growth(from: small, to: large))
        }
        if !editResults.isEmpty {
            print("")
            print(BenchTable.editHeader)
            for result in editResults { print(BenchTable.editRow(result)) }
        }
    }

    /// Runs this executable as a child process, so that each measurement has a process (and peak memory) of its
    /// own, and decodes what it prints.
    private func child<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        let process = Process()
        process.executableURL = Bundle.main.executableURL
        process.arguments = arguments + ["--templates", templates]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ExitCode(process.terminationStatus) }
        return try JSONDecoder().decode(T.self, from: data)
    }
}
