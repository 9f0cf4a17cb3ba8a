import Foundation
@testable import DossierCore

/// A small dossier written into a fresh temporary folder, with helpers to edit it and read what was built.
final class EditorFixture {
    let root: URL
    var content: String { root.appendingPathComponent("content").path }
    /// The repository's own templates.
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path

    static let files: [String: String] = [
        "site.yml": "title: Test Dossier\nbase_url: https://example.org/dossier/\n",
        "index.md": "---\ntitle: Welcome\n---\nStart with <actor:italy> and [the plan](proposal:guarantee-plan).\n",
        "actors/italy.md": "---\nname: Italy\nkind: state\nmember_of: [nato]\nupdated: 2025-08-01\n---\nA founding member.\n",
        "actors/nato.md": "---\nname: NATO\nkind: organization\n---\nThe alliance.\n",
        "actors/giorgia-meloni.md": "---\nname: Giorgia Meloni\nkind: person\naffiliation: italy\n---\nPrime minister of <actor:italy>.\n",
        "proposals/guarantee-plan.md": """
            ---
            title: Guarantee plan
            status: floated
            proposed: 2025-08
            proposed_by: [giorgia-meloni]
            provisions:
              - Help within 24 hours, as [AFP](source:afp-report) reports
            positions:
              - actor: giorgia-meloni
                stance: proposes
                source: afp-report
              - actor: nato
                stance: undecided
                note: Waits for <actor:italy>.
                source: afp-report
            timeline:
              - date: 2025-08-16
                event: First floated.
                actors: [giorgia-meloni]
                source: afp-report
            related: [old-treaty]
            sources: [afp-report]
            ---
            The plan of <actor:giorgia-meloni>.

            """,
        "proposals/old-treaty.md": """
            ---
            title: Old treaty
            status: precedent
            proposed: 1949
            positions:
              - actor: italy
                stance: supports
                source: afp-report
            ---
            A precedent.

            """,
        "sources/afp-report.md": "---\ntitle: AFP report\noutlet: AFP\nkind: news\npublished: 2025-08-16\nurl: https://example.org/afp\n---\nReliable.\n",
        "pages/about.md": "---\ntitle: About\n---\nAbout this dossier; see <actor:nato>.\n",
        "assets/map.txt": "a map\n",
    ]

    init(files: [String: String] = EditorFixture.files) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-editor-\(UUID().uuidString)")
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes a file below `content/`.
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent("content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("content").appendingPathComponent(path), encoding: .utf8)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("content").appendingPathComponent(path))
    }

    /// Replaces the first occurrence of `old` in a content file.
    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try read(path)
        guard let range = text.range(of: old) else { throw CocoaError(.fileReadUnknown) }
        try write(path, text.replacingCharacters(in: range, with: new))
    }

    func options(output: String = "public", templates: String = EditorFixture.templates) -> BuildOptions {
        BuildOptions(content: content, templates: templates, output: root.appendingPathComponent(output).path)
    }

    /// Every file below `folder` (dotfiles left out), by relative path.
    static func tree(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for relative in ContentLoader.files(under: folder) where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            out[relative] = FileManager.default.contents(atPath: folder + "/" + relative)
        }
        return out
    }
}
