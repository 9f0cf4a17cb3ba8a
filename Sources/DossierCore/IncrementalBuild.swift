import Dispatch
import Foundation

/// A build that keeps its output folder and what it learnt between runs, for the preview server.
///
/// Files unchanged since the last run are not read again; a brief's Markdown is rendered again only when its file
/// or a brief its links name changed; only the pages an edit can touch are rebuilt, and a page whose values did not
/// change is not rendered or written. The output is the same as `Build.run`'s, file for file. Each file is replaced
/// atomically; a run with errors writes nothing, so the last good site stays as it was.
///
/// Which pages an edit touches: the edited briefs' own pages; the pages that showed them (found from the links
/// each page holds); the briefs they reference, before and after the edit (whose pages list positions, mentions
/// and citations); and, when a brief's rendered Markdown names an edited brief, that brief too. The index pages
/// (home, lists, timeline, matrix, 404) and the feeds show no bodies: they are rebuilt when a change is not only in
/// a body, and written only when their bytes changed. A change to the site settings, the free pages' titles or
/// the templates rebuilds every page.
public final class IncrementalBuild {
    /// What one run did.
    public struct Outcome {
        public var report: BuildReport
        /// Pages rendered and written because their values changed.
        public var pagesWritten: Int
        /// Pages in the site.
        public var pagesTotal: Int
        /// Files removed because their brief is gone.
        public var filesRemoved: Int
    }

    /// What the last successful run left behind.
    private struct State {
        /// A hash of what every page shows (the site settings, the free pages' titles); nil after a failed run,
        /// which makes the next rebuild every page.
        var global: Int?
        var briefs: Set<PageID>
        var outgoing: [PageID: Set<PageID>]
        var mentions: [PageID: [PageID]]
        /// Brief page → the briefs its values showed.
        var shows: [PageID: Set<PageID>]
        /// Brief → the brief pages that showed it.
        var shownBy: [PageID: Set<PageID>]
        /// Output file → fingerprint of what was written there.
        var fingerprints: [String: Int]
        /// Copied file → the stamp of its source when it was copied.
        var copies: [String: FileStamp]
        /// Every file of the site.
        var files: Set<String>
        /// The files of the index pages.
        var indexFiles: Set<String>
    }

    public let options: BuildOptions
    private let extra: [String: Any]
    private let loadCache = LoadCache()
    private let markdownCache = MarkdownCache()
    private var templates: Templates?
    private var templateStamps: [String: FileStamp] = [:]
    private var state: State?
    /// How long each index page and feed took to make in the last run.
    private var indexNanoseconds: [String: UInt64] = [:]

    /// A file to make: a brief page, an index page or a feed.
    private struct Work {
        enum Kind {
            case brief(() -> PageJob)
            case index(() -> PageJob)
            case text(() -> String)
        }

        var file: String
        var id: PageID?
        var kind: Kind
    }

    /// A file made: its fingerprint or hash, and whether it was written (unchanged files are not).
    private typealias Made = (file: String, id: PageID?, print: ContextFingerprint?, hash: Int, wrote: Bool)
    /// Files read again since the last successful run.
    private var pendingFiles: Set<String> = []
    /// Of those, the files changed elsewhere than in the body.
    private var pendingHeads: Set<String> = []
    /// Whether the templates changed since the last successful run.
    private var pendingTemplates = false

    /// `options.output` is the folder this build owns; it must be empty or missing at first.
    public init(options: BuildOptions, extra: [String: Any] = [:]) {
        self.options = options
        self.extra = extra
    }

    /// Runs the build. `editedPagesWritten` is called when the pages of the edited briefs are written and other
    /// pages are still to come, so that a preview can show the edited page at once.
    public func run(editedPagesWritten: (() -> Void)? = nil) -> Outcome {
        var report = BuildReport()
        let content = timed("load", &report) { ContentLoader.load(from: options.content, timer: PhaseTimer(), cache: loadCache) }
        pendingFiles.formUnion(loadCache.decodedLastPass)
        markdownCache.filesChanged(loadCache.decodedLastPass, removed: loadCache.removedLastPass)
        pendingHeads.formUnion(loadCache.headChangedLastPass)
        let (resolved, diagnostics) = timed("resolve", &report) {
            Resolver.resolve(content, includeDrafts: options.drafts, timer: PhaseTimer(), markdownCache: markdownCache)
        }
        let (templatesChanged, templateDiagnostics) = timed("templates", &report) { reloadTemplatesIfChanged() }
        pendingTemplates = pendingTemplates || templatesChanged
        report.diagnostics = (diagnostics + templateDiagnostics).sorted()
        var outcome = Outcome(report: report, pagesWritten: 0, pagesTotal: 0, filesRemoved: 0)
        guard var dossier = resolved, let templates, report.succeeded else { return outcome }
        if let baseURL = options.baseURL { dossier.site.baseURL = SiteSettings.normalizedBaseURL(baseURL) ?? baseURL }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            try write(dossier, templates: templates, changedFiles: pendingFiles, headsChanged: !pendingHeads.isEmpty,
                      rebuildAll: pendingTemplates, editedPagesWritten: editedPagesWritten, into: &outcome)
            outcome.report.wrote = true
            pendingFiles = []
            pendingHeads = []
            pendingTemplates = false
        } catch {
            outcome.report.diagnostics.append(Diagnostic(file: options.output, message: "\(error)"))
        }
        outcome.report.phases.append(("render+write", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        outcome.report.dossier = dossier
        outcome.report.pages = [("proposals", dossier.proposals.count), ("actors", dossier.actors.count),
                                ("sources", dossier.sources.count), ("pages", dossier.pages.count), ("indexes", 7)]
        return outcome
    }

    /// Parses the templates again when a `.mustache` file changed; returns whether they changed.
    private func reloadTemplatesIfChanged() -> (changed: Bool, diagnostics: [Diagnostic]) {
        let root = options.templates.hasSuffix("/") ? String(options.templates.dropLast()) : options.templates
        var stamps: [String: FileStamp] = [:]
        for relative in ContentLoader.files(under: root) where relative.hasSuffix(".mustache") {
            stamps[relative] = FileStamp(path: root + "/" + relative)
        }
        if templates != nil && stamps == templateStamps { return (false, []) }
        let (loaded, diagnostics) = Templates.load(from: options.templates)
        templates = loaded
        templateStamps = loaded == nil ? [:] : stamps
        return (true, diagnostics)
    }

    private func write(_ dossier: Dossier, templates: Templates, changedFiles: Set<String>, headsChanged: Bool,
                       rebuildAll: Bool, editedPagesWritten: (() -> Void)?, into outcome: inout Outcome) throws {
        let writer = try InPlaceWriter(output: options.output, fresh: state == nil, protecting: [options.content, options.templates])
        let plan = SitePlan(dossier: dossier, templates: templates, options: options, extra: TemplateObject(any: extra))
        let all = plan.pages
        let jobs = Dictionary(all.map { ($0.file, $0.make) }, uniquingKeysWith: { first, _ in first })
        let briefs = Self.briefPages(of: dossier)
        let ids = Set(briefs.keys)
        let briefFiles = Set(briefs.values.map(\.file))
        let indexJobs = all.filter { !briefFiles.contains($0.file) }
        var hasher = Hasher()
        hasher.combine(String(describing: dossier.site))
        for page in dossier.pages { hasher.combine(page.header.slug); hasher.combine(page.title) }
        hasher.combine(String(describing: extra.sorted { $0.key < $1.key }))
        let global = hasher.finalize()
        // The state is this run's until it ends, so that its tables change in place instead of being copied; a run
        // that fails leaves one that rebuilds every page next time and still knows the files to remove. Until they
        // are updated below, its tables hold what the last run left.
        let incremental = !rebuildAll && state?.global == global
        var next = state ?? State(global: global, briefs: [], outgoing: [:], mentions: [:], shows: [:], shownBy: [:],
                                  fingerprints: [:], copies: [:], files: [], indexFiles: [])
        state = nil
        defer {
            if state == nil {
                next.global = nil
                state = next
            }
        }
        let touched: Set<PageID>
        /// The pages of the briefs whose files changed: written first, as the editor is looking at one of them.
        var editedPages: Set<PageID> = []
        // The index pages and feeds show no bodies: they are rebuilt when a change is not only in a body, or when
        // briefs came or went.
        let indexes = !incremental || headsChanged || next.briefs != ids
        if incremental {
            var fileEdited = Set(briefs.keys.filter { changedFiles.contains(briefs[$0]!.source) })
            fileEdited.formUnion(next.briefs.subtracting(ids))
            if let home = dossier.home, changedFiles.contains(home.file) { fileEdited.insert(.home) }
            editedPages = fileEdited
            var edited = fileEdited
            for id in fileEdited {
                edited.formUnion(next.mentions[id] ?? [])
                edited.formUnion(dossier.mentions[id] ?? [])
            }
            // What a brief refers to changes only with its file (a link to a brief that is gone is an error).
            let refreshed = Self.outgoing(of: dossier, only: fileEdited)
            var pages = edited
            for id in edited {
                pages.formUnion(next.shownBy[id] ?? [])
                pages.formUnion(next.outgoing[id] ?? [])
                pages.formUnion(refreshed[id] ?? [])
            }
            for id in fileEdited { next.outgoing[id] = refreshed[id] }
            touched = pages
        } else {
            touched = ids
            next.outgoing = Self.outgoing(of: dossier, only: nil)
            next.fingerprints = [:]
            next.shows = [:]
            next.shownBy = [:]
        }
        next.global = global
        next.mentions = dossier.mentions

        var results: [Made] = []
        do {
            let fingerprints = next.fingerprints
            /// Makes files on every core and writes those whose output changed. A brief page is compared by its values'
            /// fingerprint, which also yields the briefs it shows, and is rendered only when that changed; an index page
            /// or a feed is made every time and compared by its bytes, since fingerprinting an index page's tens of
            /// megabytes of rows cost more than rendering them.
            func make(_ work: [Work]) throws -> [Made] {
                let results = Parallel.map(work) { work -> (made: Made, error: String?, nanoseconds: UInt64) in
                    let start = DispatchTime.now().uptimeNanoseconds
                    var bytes: [UInt8] = []
                    var print: ContextFingerprint?
                    switch work.kind {
                    case .brief(let make):
                        let job = make()
                        let fingerprint = ContextFingerprint(job)
                        if fingerprints[work.file] == fingerprint.hash { return ((work.file, work.id, fingerprint, fingerprint.hash, false), nil, 0) }
                        print = fingerprint
                        templates.render(job, into: &bytes)
                    case .index(let make):
                        templates.render(make(), into: &bytes)
                    case .text(let make):
                        bytes = Array(make().utf8)
                    }
                    let hash = print?.hash ?? ContentHash.of(bytes)
                    let took = DispatchTime.now().uptimeNanoseconds - start
                    if print == nil, fingerprints[work.file] == hash { return ((work.file, work.id, nil, hash, false), nil, took) }
                    do {
                        try writer.write(work.file, bytes)
                        return ((work.file, work.id, print, hash, true), nil, took)
                    } catch {
                        return ((work.file, work.id, print, hash, false), "\(error)", took)
                    }
                }
                if let failure = results.compactMap(\.error).first { throw SiteWriter.WriteError.io(failure) }
                for result in results where result.made.id == nil { indexNanoseconds[result.made.file] = result.nanoseconds }
                return results.map(\.made)
            }
            func briefWork(_ ids: Set<PageID>) -> [Work] {
                ids.sorted().compactMap { id in
                    briefs[id].flatMap { page in jobs[page.file].map { Work(file: page.file, id: id, kind: .brief($0)) } }
                }
            }
            results = try make(briefWork(touched.intersection(editedPages)))
            // Then the index pages and feeds, longest first by their last run so that both cores stay busy to the end,
            // and the other pages the edit touched.
            var work = briefWork(touched.subtracting(editedPages))
            if indexes {
                work = (indexJobs.map { Work(file: $0.file, id: nil, kind: .index($0.make)) }
                    + plan.texts.map { Work(file: $0.file, id: nil, kind: .text($0.make)) })
                    .sorted { (indexNanoseconds[$0.file] ?? 0, $1.file) > (indexNanoseconds[$1.file] ?? 0, $0.file) } + work
            }
            if !results.isEmpty, !work.isEmpty { editedPagesWritten?() }
            results += try make(work)
        }
        let textFiles = Set(plan.texts.map(\.file))
        for result in results {
            next.fingerprints[result.file] = result.hash
            if result.wrote, !textFiles.contains(result.file) { outcome.pagesWritten += 1 }
            guard let id = result.id, let print = result.print else { continue }
            let shows = print.links.union(next.outgoing[id] ?? []).subtracting([id])
            for gone in (next.shows[id] ?? []).subtracting(shows) { next.shownBy[gone]?.remove(id) }
            for target in shows { next.shownBy[target, default: []].insert(id) }
            next.shows[id] = shows
        }
        for id in next.briefs.subtracting(ids) {
            for target in next.shows[id] ?? [] { next.shownBy[target]?.remove(id) }
            next.shows[id] = nil
        }
        next.briefs = ids
        if indexes { next.indexFiles = Set(indexJobs.map(\.file)) }

        var files = next.indexFiles.union(briefs.values.map(\.file))
        for asset in plan.copies {
            try copy(asset.source, to: asset.file, writer: writer, state: &next, files: &files)
        }
        files.formUnion(textFiles)
        for file in next.files.subtracting(files).sorted() {
            try writer.remove(file)
            next.fingerprints[file] = nil
            next.copies[file] = nil
            outcome.filesRemoved += 1
        }
        next.files = files
        outcome.pagesTotal = briefs.count + 7
        state = next
    }

    private func copy(_ source: String, to relative: String, writer: InPlaceWriter, state: inout State, files: inout Set<String>) throws {
        let stamp = FileStamp(path: source)
        if stamp == nil || state.copies[relative] != stamp {
            try writer.copy(from: source, to: relative)
            state.copies[relative] = stamp
        }
        files.insert(relative)
    }

    /// Every brief page of the site: its file, and the file it is built from.
    private static func briefPages(of d: Dossier) -> [PageID: (file: String, source: String)] {
        var out: [PageID: (file: String, source: String)] = [:]
        func add(_ kind: BriefKind, _ header: BriefHeader) {
            let id = PageID.brief(kind, header.slug)
            out[id] = (Route.path(id) + "index.html", header.file)
        }
        for p in d.proposals { add(.proposal, p.header) }
        for a in d.actors { add(.actor, a.header) }
        for s in d.sources { add(.source, s.header) }
        for p in d.pages { add(.page, p.header) }
        return out
    }

    /// The briefs each brief (and the home page) refers to, in front matter or in Markdown; of every brief, or of `only`.
    private static func outgoing(of d: Dossier, only: Set<PageID>?) -> [PageID: Set<PageID>] {
        var out: [PageID: Set<PageID>] = [:]
        for (target, sources) in d.mentions {
            for source in sources where only?.contains(source) ?? true { out[source, default: []].insert(target) }
        }
        let actors = only.map { $0.compactMap { id in if case .brief(.actor, let slug) = id { return d.actorIndex[slug] } else { return nil } } }
        for a in (actors ?? Array(d.actors.indices)).map({ d.actors[$0] }) {
            let refs = [a.affiliation].compactMap { $0 } + a.memberOf
            out[.brief(.actor, a.header.slug), default: []].formUnion(refs.map { .brief(.actor, $0.slug) })
        }
        let proposals = only.map { $0.compactMap { id in if case .brief(.proposal, let slug) = id { return d.proposalIndex[slug] } else { return nil } } }
        for p in (proposals ?? Array(d.proposals.indices)).map({ d.proposals[$0] }) {
            var refs = Set((p.proposedBy + p.positions.map(\.actor) + p.timeline.flatMap(\.actors)).map { PageID.brief(.actor, $0.slug) })
            refs.formUnion((p.sources + p.positions.compactMap(\.source) + p.timeline.compactMap(\.source)).map { .brief(.source, $0.slug) })
            refs.formUnion(p.related.map { .brief(.proposal, $0.slug) })
            out[.brief(.proposal, p.header.slug), default: []].formUnion(refs)
        }
        return out
    }

    private func timed<T>(_ name: String, _ report: inout BuildReport, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { report.phases.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try work()
    }
}
