import DossierBenchKit
import Foundation
import XCTest

final class BenchmarkTests: XCTestCase {
    private let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path

    func testTheBenchmarkBuildsEveryPageOfATinySyntheticDossier() throws {
        let folder = try Benchmark.prepare(briefs: 50)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Benchmark.build(folder: folder, briefs: 50, templates: templates)
        XCTAssertEqual(result.pages, SyntheticDossier(briefs: 50).expectedPages)
        XCTAssertEqual(result.phases.map(\.name), BenchTable.phases)
        let written = FileManager.default.enumerator(atPath: folder + "/public")!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".html") }
        XCTAssertEqual(written.count, result.pages)
    }

    func testTheSyntheticDossierIsTheSameEveryTime() throws {
        let first = try Benchmark.prepare(briefs: 30), second = try Benchmark.prepare(briefs: 30)
        defer { for folder in [first, second] { try? FileManager.default.removeItem(atPath: folder) } }
        let files = try FileManager.default.subpathsOfDirectory(atPath: first + "/content").sorted()
        XCTAssertEqual(files, try FileManager.default.subpathsOfDirectory(atPath: second + "/content").sorted())
        for file in files where file.hasSuffix(".md") {
            XCTAssertEqual(FileManager.default.contents(atPath: first + "/content/" + file),
                           FileManager.default.contents(atPath: second + "/content/" + file), file)
        }
    }
}
