import Foundation

/// Each file's decoded result, kept with the file's stamp, so that a file unchanged since the last load is not
/// read and parsed again. Safe to use from the loader's parallel decoding.
final class LoadCache: @unchecked Sendable {
    private struct Entry {
        var stamp: FileStamp
        var result: (value: ContentLoader.Decoded?, diagnostics: [Diagnostic], read: Double, parse: Double)
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var seen: Set<String> = []
    /// The files the last load read again: new or changed since the load before.
    private(set) var decodedLastPass: Set<String> = []
    /// Of those, the files whose change is not only in the body (and so may show in lists, feeds and the timeline).
    private(set) var headChangedLastPass: Set<String> = []

    func startPass() {
        lock.withLock {
            seen = []
            decodedLastPass = []
            headChangedLastPass = []
        }
    }

    /// The files the last load no longer found (deleted or renamed).
    private(set) var removedLastPass: Set<String> = []

    /// Forgets the files the last load did not see.
    func finishPass() {
        lock.withLock {
            removedLastPass = Set(entries.keys).subtracting(seen)
            for path in removedLastPass { entries[path] = nil }
        }
    }

    /// The file's decoded result; taken from the cache, it cost no reading or parsing time.
    func decode(path: String, job: ContentLoader.Job) -> (value: ContentLoader.Decoded?, diagnostics: [Diagnostic], read: Double, parse: Double) {
        let stamp = FileStamp(path: path)
        let cached: Entry? = lock.withLock {
            seen.insert(path)
            return entries[path]
        }
        if let stamp, let cached, cached.stamp == stamp { return (cached.result.value, cached.result.diagnostics, 0, 0) }
        let result = ContentLoader.decode(path: path, job: job)
        let headChanged = cached.map { Self.head($0.result.value, $0.result.diagnostics) != Self.head(result.value, result.diagnostics) } ?? true
        lock.withLock {
            decodedLastPass.insert(path)
            if headChanged { headChangedLastPass.insert(path) }
            if let stamp { entries[path] = Entry(stamp: stamp, result: result) } else { entries[path] = nil }
        }
        return result
    }

    /// Everything decoded from a file but its body; the home page's body counts, as the home page shows it.
    /// (Field lines are listed in order: a dictionary's description follows no fixed order.)
    private static func head(_ value: ContentLoader.Decoded?, _ diagnostics: [Diagnostic]) -> String {
        func bodiless(_ header: BriefHeader) -> BriefHeader {
            var header = header
            header.body = ""
            header.fieldLines = [:]
            return header
        }
        func lines(_ header: BriefHeader) -> String {
            String(describing: header.fieldLines.sorted { $0.key < $1.key })
        }
        switch value {
        case .actor(var a)?: let l = lines(a.header); a.header = bodiless(a.header); return l + String(describing: a)
        case .proposal(var p)?: let l = lines(p.header); p.header = bodiless(p.header); return l + String(describing: p)
        case .source(var s)?: let l = lines(s.header); s.header = bodiless(s.header); return l + String(describing: s)
        case .page(var p)?: let l = lines(p.header); p.header = bodiless(p.header); return l + String(describing: p)
        case .site(let s)?: return String(describing: s)
        case .home(let h)?: return String(describing: h)
        case nil: return String(describing: diagnostics)
        }
    }
}
