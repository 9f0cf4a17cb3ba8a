import Foundation
import Mustache
import Testing
@testable import DossierCore

/// dossier renders templates with its own engine; swift-mustache, whose dialect the templates are written in,
/// is the reference it must match byte for byte.
@Suite struct TemplateReferenceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The same values as plain Swift values, the form swift-mustache reads.
    private func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let s), .safeText(let s): return s
        case .number(let n): return n
        case .flag(let b): return b
        case .list(let items): return items.map(plain)
        case .object(let object): return plain(object)
        case .objects(let objects): return objects.map(plain)
        case .lazyObjects(let count, let item): return (0..<count).map { plain(item($0)) }
        }
    }

    private func plain(_ object: TemplateObject) -> [String: Any] {
        Dictionary(uniqueKeysWithValues: object.fields.map { ($0.name, plain($0.value)) })
    }

    private func reference(templates folder: String) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        return library
    }

    private func expectSameBytes(content: String, baseURL: String?) throws {
        let folder = Self.repository.appendingPathComponent("templates").path
        let dossier = try #require(Build.check(BuildOptions(content: content, templates: folder)).dossier)
        let ours = try #require(Templates.load(from: folder).0)
        let library = try reference(templates: folder)
        var pages = 0
        for (file, make) in PageContexts(dossier: dossier, baseURL: baseURL).all() {
            let job = make()
            var bytes: [UInt8] = []
            ours.render(job, into: &bytes)
            let expected = library.render(plain(job.context), withTemplate: job.template)
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(file) differs from swift-mustache's rendering")
            pages += 1
        }
        #expect(pages > 10)
    }

    @Test func everyPageOfTheRealDossierRendersExactlyAsSwiftMustacheRendersIt() throws {
        try expectSameBytes(content: Self.repository.appendingPathComponent("content").path, baseURL: nil)
    }

    @Test func withABaseURLToo() throws {
        try expectSameBytes(content: Self.repository.appendingPathComponent("content").path, baseURL: "https://example.org/d/")
    }

    @Test func dottedNamesClimbAndStopAsSwiftMustacheDoes() throws {
        let template = "{{#inner}}[{{a.b}}|{{a.c}}|{{t.b}}|{{m.b}}|{{outer.b}}]{{/inner}}"
        let context: [String: Any] = ["a": ["b": "outer a.b", "c": "outer a.c"], "outer": ["b": "outer.b"], "t": ["b": "t.b"],
                                      "inner": ["a": ["b": "inner a.b"], "t": "text"]]
        var renderer = TemplateRenderer(library: ["page": try TemplateParser.parse(template)])
        renderer.render("page", TemplateObject(any: context))
        var library = MustacheLibrary()
        try library.register(template, named: "page")
        let expected = library.render(context, withTemplate: "page")
        #expect(String(decoding: renderer.output, as: UTF8.self) == expected)
        #expect(expected == "[inner a.b||||outer.b]")
    }

    @Test func andTheFixtureWithItsEscapes() throws {
        let fixture = Fixture(changing: ["actors/nato.md": "---\nname: \"NATO <b> & 'co' \\\"x\\\"\"\nkind: organization\n---\n"])
        try expectSameBytes(content: fixture.content, baseURL: nil)
    }
}
