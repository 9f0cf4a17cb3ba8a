import DossierCore
import Foundation

/// A small content tree in a temporary folder, built with the repository's real templates.
struct Fixture {
    let root: URL

    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path

    /// A valid dossier: two actors, a state, two proposals with positions and events, two sources, a page, a home page.
    static let valid: [String: String] = [
        "site.yml": "title: Test dossier\ndescription: A dossier for tests.\nlanguage: en-GB\n",
        "index.md": "---\ntitle: Welcome\n---\nThe home page mentions <actor:giorgia-meloni>.\n",
        "actors/giorgia-meloni.md": """
            ---
            name: Giorgia Meloni
            kind: person
            role: Prime Minister of Italy
            affiliation: italy
            aliases: [Meloni]
            summary: Italian prime minister.
            updated: 2025-08
            ---
            Meloni proposed [the guarantee](proposal:meloni-guarantee).
            """,
        "actors/italy.md": """
            ---
            name: Italy
            kind: state
            member_of: [nato]
            ---
            A founding member of [NATO](actor:nato#positions).
            """,
        "actors/nato.md": "---\nname: NATO\nkind: organization\n---\n",
        "proposals/meloni-guarantee.md": """
            ---
            title: Article 5-style guarantee
            short: Meloni plan
            status: under-discussion
            proposed: 2025-03
            proposed_by: [giorgia-meloni]
            summary: Allies would decide within 24 hours how to respond.
            provisions:
              - "A **24-hour** decision clause"
              - Response options short of war
            positions:
              - actor: giorgia-meloni
                stance: proposes
                note: Put it forward in [March](source:afp-2025-08-16).
                quote: We need guarantees.
                date: 2025-03
                source: afp-2025-08-16
              - actor: nato
                stance: skeptical
                source: opinion-piece
            timeline:
              - date: 2025-03
                event: Meloni tells the senate about the plan.
                actors: [giorgia-meloni]
                source: afp-2025-08-16
            related: [nato-membership]
            sources: [opinion-piece]
            updated: 2025-08-16
            ---
            The plan is discussed in <source:opinion-piece>.
            """,
        "proposals/nato-membership.md": """
            ---
            title: NATO membership
            status: rejected
            positions:
              - actor: italy
                stance: conditional
                source: opinion-piece
            ---
            """,
        "sources/afp-2025-08-16.md": """
            ---
            title: US proposed NATO-style guarantees
            outlet: The Defense Post / AFP
            kind: news
            published: 2025-08-16
            url: https://example.org/afp
            author: AFP
            ---
            A news report.
            """,
        "sources/opinion-piece.md": "---\ntitle: An opinion piece\nkind: opinion\n---\n",
        "pages/about.md": "---\ntitle: About\nsummary: How the dossier is made.\n---\nWe cite [sources](source:afp-2025-08-16).\n",
    ]

    /// Every fixture of this test process lives here; the folder is removed when the process exits.
    static let parent: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tests-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: Fixture.parent) }
        return url
    }()

    init(_ files: [String: String] = Fixture.valid) {
        root = Fixture.parent.appendingPathComponent(UUID().uuidString)
        for (path, text) in files { write(path, text) }
    }

    /// A valid fixture with some files replaced or added.
    init(changing changes: [String: String]) {
        self.init(Fixture.valid.merging(changes) { $1 })
    }

    var content: String { root.appendingPathComponent("content").path }
    var output: String { root.appendingPathComponent("public").path }
    /// Where a build keeps the site it replaced.
    var previous: String { root.appendingPathComponent(".public.previous").path }

    func write(_ path: String, _ text: String) {
        write(path, data: Data(text.utf8))
    }

    func write(_ path: String, data: Data) {
        let url = root.appendingPathComponent("content").appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: url)
    }

    func remove(_ path: String) {
        try! FileManager.default.removeItem(at: root.appendingPathComponent("content").appendingPathComponent(path))
    }

    func options(drafts: Bool = false, baseURL: String? = nil, keepPrevious: Bool = true) -> BuildOptions {
        BuildOptions(content: content, templates: Fixture.templates, output: output, baseURL: baseURL, drafts: drafts,
                     keepPrevious: keepPrevious)
    }

    func check(drafts: Bool = false) -> BuildReport { Build.check(options(drafts: drafts)) }

    func build(drafts: Bool = false, baseURL: String? = nil, keepPrevious: Bool = true) -> BuildReport {
        Build.run(options(drafts: drafts, baseURL: baseURL, keepPrevious: keepPrevious))
    }

    /// A built page's text, e.g. `actors/italy/index.html`.
    func page(_ path: String) -> String {
        (try? String(contentsOfFile: output + "/" + path, encoding: .utf8)) ?? ""
    }

    /// Every file of the built site with its bytes, by relative path.
    func builtFiles() -> [String: Data] {
        var out: [String: Data] = [:]
        let base = URL(fileURLWithPath: output)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            out[String(url.path.dropFirst(base.path.count + 1))] = try? Data(contentsOf: url)
        }
        return out
    }

    /// Everything below `path`, by relative path, without following links: a file's bytes as text, `folder`, or
    /// `link to TARGET`. Unlike `builtFiles`, it shows empty folders, links, and what is in the fixture's root.
    static func tree(_ path: String) -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? path : path + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = path + "/" + child
                switch try? FileManager.default.attributesOfItem(atPath: full)[.type] as? FileAttributeType {
                case .typeDirectory?:
                    out[child] = "folder"
                    walk(child)
                case .typeSymbolicLink?:
                    out[child] = "link to " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")
                default:
                    out[child] = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: full))) ?? Data(), as: UTF8.self)
                }
            }
        }
        walk("")
        return out
    }

    /// The diagnostics of a check, as `file:line:col: severity: message` lines relative to the content folder.
    func messages(drafts: Bool = false) -> [String] {
        check(drafts: drafts).diagnostics.map { d in
            let file = d.file.hasPrefix(content + "/") ? String(d.file.dropFirst(content.count + 1)) : d.file
            return "\(file):\(d.line):\(d.column): \(d.severity.rawValue): \(d.message)" + (d.hint.map { " (\($0))" } ?? "")
        }
    }
}
