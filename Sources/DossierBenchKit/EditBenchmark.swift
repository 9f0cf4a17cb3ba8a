import DossierCore
import Foundation

/// How long the preview's rebuild took after each of a series of edits of one kind.
public struct EditResult: Codable, Sendable {
    public var briefs: Int
    /// `body` (an edit in a proposal's Markdown) or `title` (an edit of its front matter, shown on index pages).
    public var kind: String
    /// Seconds from the start of each rebuild until every page was written.
    public var rebuilds: [Double]
    /// Seconds from the start of each rebuild until the edited brief's page was written.
    public var editedPage: [Double]
    /// CPU seconds each rebuild used, on every core: unlike wall time, not lengthened by other work on the machine.
    public var cpu: [Double]
}

extension Benchmark {
    /// Builds `folder/content` with the preview's incremental build, then edits the first proposal `count` times
    /// in its body and `count` times in its title, timing each rebuild as `dossier serve` runs it.
    public static func edits(folder: String, briefs: Int, templates: String, count: Int) throws -> [EditResult] {
        let options = BuildOptions(content: folder + "/content", templates: templates, output: folder + "/preview")
        let build = IncrementalBuild(options: options)
        let first = build.run()
        guard first.report.succeeded else { throw Failure.build(first.report.diagnostics) }
        let proposals = folder + "/content/proposals"
        guard let name = try FileManager.default.contentsOfDirectory(atPath: proposals).filter({ $0.hasSuffix(".md") }).min() else {
            return []
        }
        let file = proposals + "/" + name
        let original = try String(contentsOfFile: file, encoding: .utf8)
        var results: [EditResult] = []
        for kind in ["body", "title"] {
            var result = EditResult(briefs: briefs, kind: kind, rebuilds: [], editedPage: [], cpu: [])
            for edit in 1...max(1, count) {
                let text = kind == "body"
                    ? original + "\nEdited paragraph number \(edit).\n"
                    : original.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Edited \(edit) ")
                try text.write(toFile: file, atomically: false, encoding: .utf8)
                let cpu = cpuSeconds()
                let start = DispatchTime.now().uptimeNanoseconds
                var editedPage: Double?
                let outcome = build.run { editedPage = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
                let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                guard outcome.report.succeeded, outcome.pagesWritten > 0 else { throw Failure.build(outcome.report.diagnostics) }
                result.rebuilds.append(total)
                result.editedPage.append(editedPage ?? total)
                result.cpu.append(cpuSeconds() - cpu)
            }
            results.append(result)
        }
        try original.write(toFile: file, atomically: false, encoding: .utf8)
        return results
    }
}
