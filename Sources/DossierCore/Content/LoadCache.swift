import Foundation

/// Each file's decoded result, kept with the file's stamp, so that a file unchanged since the last load is not
/// read and parsed again.
final class LoadCache {
    typealias Result = (value: ContentLoader.Decoded?, diagnostics: [Diagnostic], read: Double, parse: Double)

    private struct Entry {
        var stamp: FileStamp
        var result: Result
    }

    private var entries: [String: Entry] = [:]
    /// The files the last load read again: new or changed since the load before.
    private(set) var decodedLastPass: Set<String> = []
    /// Of those, the files whose change is not only in the body (and so may show in lists, feeds and the timeline).
    private(set) var headChangedLastPass: Set<String> = []
    /// The files the last load no longer found (deleted or renamed).
    private(set) var removedLastPass: Set<String> = []

    /// Decodes the files of one load on every core, taking each unchanged file's result from the cache; then, on
    /// this thread, keeps the new results and forgets the files no longer there. The cache is only read while the
    /// files are decoded, so that no lock is taken per file.
    func decode(_ jobs: [(path: String, job: ContentLoader.Job)]) -> [Result] {
        let outcomes = Parallel.map(jobs) { path, job -> (result: Result, stamp: FileStamp?, fresh: Bool, headChanged: Bool) in
            let stamp = FileStamp(path: path)
            let cached = entries[path]
            if let stamp, let cached, cached.stamp == stamp { return ((cached.result.value, cached.result.diagnostics, 0, 0), stamp, false, false) }
            let result = ContentLoader.decode(path: path, job: job)
            let headChanged = cached.map { Self.head($0.result.value, $0.result.diagnostics) != Self.head(result.value, result.diagnostics) } ?? true
            return (result, stamp, true, headChanged)
        }
        decodedLastPass = []
        headChangedLastPass = []
        for ((path, _), outcome) in zip(jobs, outcomes) where outcome.fresh {
            decodedLastPass.insert(path)
            if outcome.headChanged { headChangedLastPass.insert(path) }
            entries[path] = outcome.stamp.map { Entry(stamp: $0, result: outcome.result) }
        }
        let seen = Set(jobs.map(\.path))
        removedLastPass = Set(entries.keys.filter { !seen.contains($0) })
        for path in removedLastPass { entries[path] = nil }
        return outcomes.map(\.result)
    }

    /// Everything decoded from a file but its body; the home page's body counts, as the home page shows it.
    private static func head(_ value: ContentLoader.Decoded?, _ diagnostics: [Diagnostic]) -> String {
        func bodiless(_ header: BriefHeader) -> BriefHeader {
            var header = header
            header.body = ""
            return header
        }
        switch value {
        case .actor(var a)?: a.header = bodiless(a.header); return String(describing: a)
        case .proposal(var p)?: p.header = bodiless(p.header); return String(describing: p)
        case .source(var s)?: s.header = bodiless(s.header); return String(describing: s)
        case .page(var p)?: p.header = bodiless(p.header); return String(describing: p)
        case .site(let s)?: return String(describing: s)
        case .home(let h)?: return String(describing: h)
        case nil: return String(describing: diagnostics)
        }
    }
}
