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

    public init(content: String = "content", templates: String = "templates", output: String = "public",
                baseURL: String? = nil, drafts: Bool = false) {
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.drafts = drafts
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

/// The pipeline: load → resolve → render → write. Prints nothing; the command decides how to show the report.
public enum Build {
    /// Everything a build does except writing: every diagnostic, and the dossier when there are no errors.
    public static func check(_ options: BuildOptions) -> BuildReport {
        prepare(options).report
    }

    /// Builds the site into `options.output`, replacing it only when the whole build succeeded.
    public static func run(_ options: BuildOptions, extra: [String: Any] = [:]) -> BuildReport {
        var (report, templates) = prepare(options)
        guard var dossier = report.dossier, let templates, report.succeeded else { return report }
        if let baseURL = options.baseURL { dossier.site.baseURL = SiteSettings.normalizedBaseURL(baseURL) ?? baseURL }
        do {
            report.pages = try timed("render+write", &report) {
                try write(dossier, templates: templates, options: options, extra: extra)
            }
            report.wrote = true
        } catch {
            report.diagnostics.append(Diagnostic(file: options.output, message: "\(error)"))
        }
        return report
    }

    /// Loads and resolves the content and parses the templates, once.
    private static func prepare(_ options: BuildOptions) -> (report: BuildReport, templates: Templates?) {
        var report = BuildReport()
        let content = timed("load", &report) { ContentLoader.load(from: options.content) }
        let (dossier, diagnostics) = timed("resolve", &report) { Resolver.resolve(content, includeDrafts: options.drafts) }
        let (templates, templateDiagnostics) = timed("templates", &report) { Templates.load(from: options.templates) }
        report.diagnostics = (diagnostics + templateDiagnostics).sorted()
        if templates != nil { report.dossier = dossier }
        return (report, templates)
    }

    /// Renders and writes every page on every core, then the assets and feeds; returns the pages written by kind.
    private static func write(_ dossier: Dossier, templates: Templates, options: BuildOptions, extra: [String: Any]) throws
        -> [(kind: String, count: Int)] {
        let writer = try SiteWriter(output: options.output, protecting: [options.content, options.templates])
        var jobs: [() -> PageJob] = []
        do {
            var contexts = PageContexts(dossier: dossier, baseURL: dossier.site.baseURL)
            contexts.extra = extra
            jobs = contexts.all()
            let failures = Parallel.map(jobs) { make -> String? in
                let job = make()
                do {
                    try writer.write(job.file, templates.render(job))
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw SiteWriter.WriteError.io(failure) }
            for asset in templates.assets {
                try writer.copy(from: options.templates + "/assets/" + asset, to: "assets/" + asset)
            }
            for asset in dossier.assets {
                try writer.copy(from: options.content + "/assets/" + asset, to: "assets/" + asset)
            }
            if let baseURL = dossier.site.baseURL {
                try writer.write("sitemap.xml", Feeds.sitemap(dossier, baseURL: baseURL))
                try writer.write("feed.xml", Feeds.feed(dossier, baseURL: baseURL))
                try writer.write("robots.txt", Feeds.robots(baseURL: baseURL))
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        let briefs = [("proposals", dossier.proposals.count), ("actors", dossier.actors.count),
                      ("sources", dossier.sources.count), ("pages", dossier.pages.count)]
        return briefs + [("indexes", jobs.count - briefs.reduce(0) { $0 + $1.1 })]
    }

    private static func timed<T>(_ name: String, _ report: inout BuildReport, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { report.phases.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try work()
    }
}
