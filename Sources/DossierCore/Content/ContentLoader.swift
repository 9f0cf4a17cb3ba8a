import Foundation
import Yams

/// Everything read from `content/`, decoded and typed but not yet cross-linked.
public struct LoadedContent: Sendable {
    public var site: SiteSettings?
    public var home: Home?
    public var actors: [Actor] = []
    public var proposals: [Proposal] = []
    public var sources: [Source] = []
    public var pages: [Page] = []
    /// Paths of assets relative to `content/assets/`, sorted.
    public var assets: [String] = []
    /// Briefs whose file could not be read at all; references to them are not reported again.
    public var unreadable: [BriefKind: Set<String>] = [:]
    public var diagnostics: [Diagnostic] = []
}

/// Walks `content/`, classifies every file, and decodes the briefs in parallel.
public enum ContentLoader {
    enum Job {
        case site, home
        case brief(BriefKind, slug: String)
    }

    public static func load(from directory: String) -> LoadedContent {
        load(from: directory, timer: PhaseTimer())
    }

    /// Loads `directory`, timing reading files as "load" and decoding them as "parse". With a `cache`, files
    /// unchanged since the last load are not read again.
    static func load(from directory: String, timer: PhaseTimer, cache: LoadCache? = nil) -> LoadedContent {
        var content = LoadedContent()
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            content.diagnostics.append(Diagnostic(file: root, message: "content folder not found",
                                                  hint: "run from the dossier's root or pass --content PATH"))
            return content
        }
        var jobs: [(path: String, job: Job)] = []
        // Each file is classified on every core; then taken in the order of the sorted paths.
        for entry in Parallel.map(files(under: root), { classify($0, root: root) }) {
            switch entry {
            case .hidden: break
            case .asset(let path): content.assets.append(path)
            case .job(let path, let job): jobs.append((path, job))
            case .problem(let diagnostic): content.diagnostics.append(diagnostic)
            }
        }
        if !jobs.contains(where: { if case .site = $0.job { return true } else { return false } }) {
            content.diagnostics.append(Diagnostic(file: root + "/site.yml", message: "missing site settings",
                                                  hint: "create site.yml with at least 'title: …'"))
        }
        var results = timer.split { () -> ([(value: Decoded?, diagnostics: [Diagnostic], read: Double, parse: Double)], [(name: String, seconds: Double)]) in
            let results = cache?.decode(jobs) ?? Parallel.map(jobs) { decode(path: $0.path, job: $0.job) }
            return (results, [("load", results.reduce(0) { $0 + $1.read }), ("parse", results.reduce(0) { $0 + $1.parse })])
        }
        for i in results.indices {
            content.diagnostics += results[i].diagnostics
            // Taken out of the results, not copied: a copy of a brief costs a retain of each of its fields.
            let value = results[i].value.take()
            if value == nil, case .brief(let kind, let slug) = jobs[i].job { content.unreadable[kind, default: []].insert(slug) }
            switch consume value {
            case .site(let s)?: content.site = s
            case .home(let h)?: content.home = h
            case .actor(let a)?: content.actors.append(a)
            case .proposal(let p)?: content.proposals.append(p)
            case .source(let s)?: content.sources.append(s)
            case .page(let p)?: content.pages.append(p)
            case nil: break
            }
        }
        return content
    }

    /// What a file found in `content/` is.
    private enum Entry {
        /// In or below a folder whose name starts with a dot, or itself such a file.
        case hidden
        /// A path below `assets/`.
        case asset(String)
        case job(String, Job)
        case problem(Diagnostic)
    }

    /// Classifies the file at `relative`, a path below `root`. Compares bytes: Character-level prefixes, suffixes and
    /// dictionary lookups of substrings cost some 13,000 instructions a file.
    private static func classify(_ relative: String, root: String) -> Entry {
        let parts = relative.utf8.split(separator: UInt8(ascii: "/"))
        let display = String.concat(root, "/", relative)
        func text(_ part: Substring.UTF8View) -> String { String(Substring(part)) }
        if parts.contains(where: { $0.first == UInt8(ascii: ".") }) { return .hidden }
        if parts.count > 1, parts[0].elementsEqual("assets".utf8) { return .asset(String(Substring(relative.utf8.dropFirst("assets/".utf8.count)))) }
        if parts.count == 1, parts[0].elementsEqual("site.yml".utf8) { return .job(display, .site) }
        if parts.count == 1, parts[0].elementsEqual("index.md".utf8) { return .job(display, .home) }
        if parts.count == 2, let kind = BriefKind(folder: parts[0]),
           parts[1].count > 3, parts[1].suffix(3).elementsEqual(".md".utf8) {
            let slug = text(parts[1].dropLast(3))
            guard Slug.isValid(slug) else {
                return .problem(Diagnostic(
                    file: display, message: "invalid file name '\(text(parts[1]))': a slug is lowercase letters, digits and single hyphens",
                    hint: "rename it to '\(Slug.corrected(slug)).md'"))
            }
            return .job(display, .brief(kind, slug: slug))
        }
        return .problem(Diagnostic(file: display, message: "stray file in content/", hint: strayHint(parts.map(text))))
    }

    private static func strayHint(_ parts: [String]) -> String {
        if parts == ["site.yaml"] { return "rename it to site.yml" }
        if let first = parts.first, let folder = Suggestion.closest(to: first, in: BriefKind.allCases.map(\.folder) + ["assets"]),
           folder != first {
            return "did you mean '\(folder)/'?"
        }
        return "briefs are .md files in actors/, proposals/, sources/ or pages/; other files belong in assets/"
    }

    /// Every regular file below `root`, as sorted relative paths.
    static func files(under root: String) -> [String] {
        var out: [String] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let entries = FileTree.entries(of: path) else { return }
            for (name, isFolder) in entries.sorted(by: { $0.name < $1.name }) {
                let child = relative.isEmpty ? name : relative + "/" + name
                if isFolder {
                    if !name.hasPrefix(".") { walk(child) }
                } else {
                    out.append(child)
                }
            }
        }
        walk("")
        return out
    }

    enum Decoded {
        case site(SiteSettings), home(Home), actor(Actor), proposal(Proposal), source(Source), page(Page)
    }

    /// Reads and decodes one file; also returns the seconds spent reading and decoding.
    static func decode(path: String, job: Job) -> (value: Decoded?, diagnostics: [Diagnostic], read: Double, parse: Double) {
        let bag = DiagnosticBag(file: path)
        let start = PhaseTimer.now()
        guard let data = FileManager.default.contents(atPath: path) else {
            bag.error("cannot read file")
            return (nil, bag.items, PhaseTimer.seconds(since: start), 0)
        }
        let read = PhaseTimer.seconds(since: start)
        let value = decode(path: path, data: data, job: job, bag: bag)
        return (value, bag.items, read, PhaseTimer.seconds(since: start) - read)
    }

    private static func decode(path: String, data: Data, job: Job, bag: DiagnosticBag) -> Decoded? {
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = UTF8Check.firstInvalid(in: data)
            bag.error("invalid UTF-8", line: line, column: column, hint: "save the file as UTF-8")
            return nil
        }
        if case .site = job {
            guard let reader = mapping(text, bag: bag, lineOffset: 0, what: "site.yml") else { return nil }
            return BriefDecoder.site(reader, bag: bag).map(Decoded.site)
        }
        let split: SplitBrief
        do {
            split = try FrontMatter.split(text)
        } catch {
            bag.error("front matter is not closed", line: 1, column: 1, hint: "end it with a line '---'")
            return nil
        }
        guard case .brief(let kind, let slug) = job else {
            let reader = split.yaml.flatMap { mapping($0, bag: bag, lineOffset: split.yamlLine - 1, what: "front matter") }
            return .home(BriefDecoder.home(file: path, body: split.body, bodyLine: split.bodyLine, reader))
        }
        guard let yaml = split.yaml else {
            bag.error("missing front matter", line: 1, column: 1, hint: "start the file with a line '---', the fields, and a line '---'")
            return nil
        }
        guard let reader = mapping(yaml, bag: bag, lineOffset: split.yamlLine - 1, what: "front matter") else { return nil }
        let header = BriefHeader(kind: kind, slug: slug, file: path, body: split.body, bodyLine: split.bodyLine,
                                 draft: false, fieldLines: reader.keyLines)
        switch kind {
        case .actor: return .actor(BriefDecoder.actor(header, reader))
        case .proposal: return .proposal(BriefDecoder.proposal(header, reader, bag: bag))
        case .source: return .source(BriefDecoder.source(header, reader, bag: bag))
        case .page: return .page(BriefDecoder.page(header, reader))
        }
    }

    private static func mapping(_ yaml: String, bag: DiagnosticBag, lineOffset: Int, what: String) -> FieldReader? {
        if let table = SimpleYAML.compose(yaml) {
            return FieldReader(table, bag: bag, lineOffset: lineOffset, what: what)
        }
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                return FieldReader(YAMLTable(), bag: bag, lineOffset: lineOffset, what: what)
            }
            return FieldReader(YAMLTable(node), bag: bag, lineOffset: lineOffset, what: what)
        } catch {
            YAMLErrors.report(error, in: bag, lineOffset: lineOffset)
            return nil
        }
    }
}

/// Finds where a file stops being valid UTF-8.
enum UTF8Check {
    static func firstInvalid(in data: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            if i + length > bytes.count { return (line, column) }
            if String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return (line, column) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column)
    }
}
