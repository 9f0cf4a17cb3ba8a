import Dispatch
import Foundation

/// What to build and where.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    /// Overrides `base_url` in `site.yml`.
    public var baseURL: String?
    public var drafts: Bool
    /// Keep the replaced site beside the output (`.public.previous` for `public`) for the next build to rewrite in
    /// place, instead of deleting it.
    public var keepPrevious: Bool

    public init(content: String = "content", templates: String = "templates", output: String = "public",
                baseURL: String? = nil, drafts: Bool = false, keepPrevious: Bool = true) {
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.drafts = drafts
        self.keepPrevious = keepPrevious
    }
}

/// What a build or check found and did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// Pages written, by kind, in a fixed order.
    public var pages: [(kind: String, count: Int)] = []
    /// Seconds spent in each phase, in order.
    public var phases: [(name: String, seconds: Double)] = []
    /// The resolved dossier, when the content has no errors.
    public var dossier: Dossier?
    /// Whether `public/` was replaced.
    public var wrote = false

    public var succeeded: Bool { !diagnostics.hasErrors }
    public var seconds: Double { phases.reduce(0) { $0 + $1.seconds } }
    public var pageCount: Int { pages.reduce(0) { $0 + $1.count } }
}

/// The pipeline: load → parse → resolve → render → write. Prints nothing; the command decides how to show the report.
public enum Build {
    /// Everything a build does except writing: every diagnostic, and the dossier when there are no errors.
    public static func check(_ options: BuildOptions) -> BuildReport {
        let timer = PhaseTimer()
        var (report, _) = check(options, timer: timer)
        report.phases = timer.phases
        return report
    }

    private static func check(_ options: BuildOptions, timer: PhaseTimer) -> (BuildReport, Templates?) {
        var report = BuildReport()
        // The templates are read and parsed beside the content, mostly while one core lists the content's files. Not
        // through `Parallel.both`: the content's loading spreads over the cores itself.
        let loaded = Handoff<(Templates?, [Diagnostic])>((nil, []))
        let loading = DispatchGroup()
        DispatchQueue.global().async(group: loading) { loaded.value = Templates.load(from: options.templates) }
        let content = ContentLoader.load(from: options.content, timer: timer)
        let (dossier, diagnostics) = Resolver.resolve(consume content, includeDrafts: options.drafts, timer: timer)
        report.diagnostics = diagnostics
        timer.timed("render") { loading.wait() }
        let (templates, templateDiagnostics) = loaded.value
        report.diagnostics = (report.diagnostics + templateDiagnostics).sorted()
        if templates != nil { report.dossier = dossier }
        return (report, templates)
    }

    /// Builds the site into `options.output`, replacing it only when the whole build succeeded.
    public static func run(_ options: BuildOptions, extra: [String: Any] = [:]) -> BuildReport {
        let timer = PhaseTimer()
        var (report, templates) = check(options, timer: timer)
        if var dossier = report.dossier, let templates, report.succeeded {
            if let baseURL = options.baseURL { dossier.site.baseURL = SiteSettings.normalizedBaseURL(baseURL) ?? baseURL }
            do {
                report.pages = try write(dossier, templates: templates, options: options, extra: extra, timer: timer)
                report.wrote = true
            } catch {
                report.diagnostics.append(Diagnostic(file: options.output, message: "\(error)"))
            }
        }
        report.phases = timer.phases
        return report
    }

    /// Renders and writes every page on every core, then the assets and feeds; returns the pages written by kind.
    private static func write(_ dossier: Dossier, templates: Templates, options: BuildOptions, extra: [String: Any],
                              timer: PhaseTimer) throws -> [(kind: String, count: Int)] {
        let writer = try timer.timed("write") {
            try SiteWriter(output: options.output, protecting: [options.content, options.templates], keepPrevious: options.keepPrevious)
        }
        let plan: SitePlan
        do {
            plan = timer.timed("render") {
                SitePlan(dossier: dossier, templates: templates, options: options, extra: TemplateObject(any: extra))
            }
            try timer.timed("write") { try writer.prepare(for: plan.files) }
            let failures = timer.split { () -> ([String?], [(name: String, seconds: Double)]) in
                // The sitemap and the feed first, then the index pages and each section's pages, from both ends of
                // the list at once (see `Parallel.mapFromEnds`).
                let results = Parallel.mapFromEnds(count: plan.texts.count + plan.pages.count) { k -> (failure: String?, render: Double, write: Double) in
                    let start = PhaseTimer.now()
                    var writing = 0.0
                    var failure: Error?
                    if k < plan.texts.count {
                        do { try writer.write(plan.texts[k].file, plan.texts[k].make()) } catch { failure = error }
                        return (failure.map { "\($0)" }, 0, PhaseTimer.seconds(since: start))
                    }
                    do {
                        let job = plan.pages[k - plan.texts.count].make()
                        let file = try writer.create(job.file)
                        defer { file.close() }
                        // Big pages come in parts as they render.
                        templates.render(job) { part in
                            let start = PhaseTimer.now()
                            if failure == nil {
                                do { try file.append(part) } catch { failure = error }
                            }
                            writing += PhaseTimer.seconds(since: start)
                        }
                        if failure == nil { try file.finish() }
                    } catch {
                        failure = error
                    }
                    let total = PhaseTimer.seconds(since: start)
                    return (failure.map { "\($0)" }, total - writing, writing)
                }
                return (results.map(\.failure), [("render", results.reduce(0) { $0 + $1.render }),
                                                  ("write", results.reduce(0) { $0 + $1.write })])
            }
            if let failure = failures.compactMap({ $0 }).first { throw SiteWriter.WriteError.io(failure) }
            try timer.timed("write") {
                for copy in plan.copies { try writer.copy(from: copy.source, to: copy.file) }
                try writer.commit()
            }
        } catch {
            writer.discard()
            throw error
        }
        let briefs = [("proposals", dossier.proposals.count), ("actors", dossier.actors.count),
                      ("sources", dossier.sources.count), ("pages", dossier.pages.count)]
        let pages = plan.pages.count
        // The page contexts hold every value pages share; freeing them took one core 12 ms at 10,000 briefs and
        // 0.15 s at 100,000 while the other waited. They are freed on another thread, beside what follows.
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(plan) {} }
        return briefs + [("indexes", pages - briefs.reduce(0) { $0 + $1.1 })]
    }
}

/// A value made on another thread and read once the group it was made in has been waited for.
private final class Handoff<T>: @unchecked Sendable {
    var value: T

    init(_ value: T) { self.value = value }
}
