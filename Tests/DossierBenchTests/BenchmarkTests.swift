@testable import DossierBenchKit
import Foundation
import Testing

@Suite struct BenchmarkTests {
    private let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path

    @Test func theBenchmarkBuildsEveryPageOfATinySyntheticDossier() throws {
        let folder = try Benchmark.prepare(briefs: 50)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Benchmark.build(folder: folder, briefs: 50, templates: templates)
        #expect(result.pages == SyntheticDossier(briefs: 50).expectedPages)
        #expect(result.phases.map(\.name) == BenchTable.phases)
        let written = FileManager.default.enumerator(atPath: folder + "/public")!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".html") }
        #expect(written.count == result.pages)
    }

    @Test func theEditBenchmarkTimesBodyAndTitleEditsAndPutsTheBriefBack() throws {
        let folder = try Benchmark.prepare(briefs: 40)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let proposals = folder + "/content/proposals"
        let before = try FileManager.default.contentsOfDirectory(atPath: proposals).sorted().map {
            FileManager.default.contents(atPath: proposals + "/" + $0)
        }
        let results = try Benchmark.edits(folder: folder, briefs: 40, templates: templates, count: 2)
        #expect(results.map(\.kind) == ["body", "title"])
        for result in results {
            #expect(result.rebuilds.count == 2 && result.editedPage.count == 2 && result.cpu.count == 2)
            #expect(result.cpu.allSatisfy { $0 > 0 })
            #expect(zip(result.editedPage, result.rebuilds).allSatisfy { $0 <= $1 })
        }
        let after = try FileManager.default.contentsOfDirectory(atPath: proposals).sorted().map {
            FileManager.default.contents(atPath: proposals + "/" + $0)
        }
        #expect(before == after)
    }

    @Test func theGrowthLineSaysHowManyTimesLongerTheLargerDossierTookThanTheSmaller() {
        func result(_ briefs: Int, wall: Double, cpu: Double, system: Double, mebibytes: Int) -> BenchResult {
            BenchResult(briefs: briefs, pages: briefs, wall: wall, cpu: cpu, system: system, phases: [], peakMemory: mebibytes << 20)
        }
        let line = BenchTable.growth(from: result(10_000, wall: 2, cpu: 4, system: 1, mebibytes: 180),
                                     to: result(100_000, wall: 23, cpu: 41, system: 16, mebibytes: 1_416))
        #expect(line == "growth 10,000 → 100,000 briefs (10×): wall 11.50×, cpu 10.25× (system 16.00×), peak 1,416 MiB")
    }

    @Test func theRoundsAlternateBetweenTheSizesSoThatDriftWeighsOnEverySizeAlike() {
        let order = BenchSchedule.builds(sizes: [1_000, 10_000], runs: 3).map { "\($0.briefs)/\($0.run)" }
        #expect(order == ["1000/0", "10000/0", "1000/1", "10000/1", "1000/2", "10000/2"])
        #expect(BenchSchedule.builds(sizes: [50], runs: 0).map(\.run) == [0])
    }

    @Test func eachSizesRowIsItsRunWithTheMedianWallTime() {
        func result(wall: Double) -> BenchResult {
            BenchResult(briefs: 10, pages: 10, wall: wall, cpu: wall, system: 0, phases: [], peakMemory: 0)
        }
        #expect(BenchSchedule.median([result(wall: 3), result(wall: 1), result(wall: 2)])?.wall == 2)
        #expect(BenchSchedule.median([result(wall: 4), result(wall: 1)])?.wall == 4)
        #expect(BenchSchedule.median([]) == nil)
    }

    @Test func theSyntheticDossierIsTheSameEveryTime() throws {
        let first = try Benchmark.prepare(briefs: 30), second = try Benchmark.prepare(briefs: 30)
        defer { for folder in [first, second] { try? FileManager.default.removeItem(atPath: folder) } }
        let files = try FileManager.default.subpathsOfDirectory(atPath: first + "/content").sorted()
        let others = try FileManager.default.subpathsOfDirectory(atPath: second + "/content").sorted()
        #expect(files == others)
        for file in files where file.hasSuffix(".md") {
            let a = FileManager.default.contents(atPath: first + "/content/" + file)
            let b = FileManager.default.contents(atPath: second + "/content/" + file)
            #expect(a == b, "\(file)")
        }
    }
}
