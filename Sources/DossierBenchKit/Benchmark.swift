import DossierCore
import Foundation

/// What one build of a synthetic dossier took.
public struct BenchResult: Codable, Sendable {
    public var briefs: Int
    public var pages: Int
    /// Seconds from the start of the build to the site swapped into place.
    public var wall: Double
    /// CPU seconds (user and system, every thread) the build process used: steadier than wall time on a shared machine.
    public var cpu: Double
    /// The part of `cpu` spent in the kernel: making folders and files, copying pages into the page cache, and
    /// clearing memory new to the process.
    public var system: Double
    /// Seconds per phase, in the build's order: load, parse, resolve, render, write.
    public var phases: [Phase]
    /// The process's peak resident memory, in bytes.
    public var peakMemory: Int

    public struct Phase: Codable, Sendable {
        public var name: String
        public var seconds: Double
    }

    public var pagesPerSecond: Double { wall > 0 ? Double(pages) / wall : 0 }
}

/// Writes synthetic dossiers and builds them with the library, measuring each build.
public enum Benchmark {
    public enum Failure: Error, CustomStringConvertible {
        case build([Diagnostic])

        public var description: String {
            switch self {
            case .build(let diagnostics): return "the synthetic dossier did not build:\n" + DiagnosticFormat.text.render(diagnostics)
            }
        }
    }

    /// Writes the synthetic dossier of `briefs` briefs into a new temporary folder and returns the folder.
    /// The content is in `content/` inside it; the caller removes the folder.
    public static func prepare(briefs: Int) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-bench-\(briefs)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
        try SyntheticDossier(briefs: briefs).write(to: folder + "/content")
        return folder
    }

    /// Builds `folder/content` into `folder/output` with `templates`, and measures the build.
    public static func build(folder: String, briefs: Int, templates: String, output: String = "public") throws -> BenchResult {
        let options = BuildOptions(content: folder + "/content", templates: templates, output: folder + "/" + output)
        let start = DispatchTime.now().uptimeNanoseconds
        let report = Build.run(options)
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard report.succeeded, report.wrote else { throw Failure.build(report.diagnostics) }
        let usage = self.usage()
        return BenchResult(briefs: briefs, pages: report.pageCount, wall: wall,
                           cpu: cpuSeconds(usage), system: seconds(usage.ru_stime),
                           phases: report.phases.map { BenchResult.Phase(name: $0.name, seconds: $0.seconds) },
                           peakMemory: peakMemory(usage))
    }

    /// The CPU time this process used so far, on every core, in seconds.
    static func cpuSeconds() -> Double {
        cpuSeconds(usage())
    }

    private static func cpuSeconds(_ usage: rusage) -> Double {
        seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func usage() -> rusage {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage
    }

    private static func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }

    /// The peak resident memory of this process so far, in bytes.
    private static func peakMemory(_ usage: rusage) -> Int {
        #if os(Linux)
        return usage.ru_maxrss * 1024
        #else
        return usage.ru_maxrss
        #endif
    }
}
