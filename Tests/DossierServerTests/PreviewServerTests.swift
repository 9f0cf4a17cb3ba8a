import DossierCore
import Foundation
import Testing
@testable import DossierServer

/// A small dossier in a temporary folder, served by a preview on a free port.
final class PreviewFixture: @unchecked Sendable {
    let root: URL
    var content: String { root.appendingPathComponent("content").path }
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-preview-\(UUID().uuidString)")
        try write("site.yml", "title: Preview Dossier\n")
        try write("actors/italy.md", "---\nname: Italy\nkind: state\n---\nItaly's brief.\n")
        try write("proposals/plan.md", "---\ntitle: The plan\nstatus: floated\npositions:\n  - actor: italy\n    stance: supports\n---\nThe first version.\n")
        try Data("a secret outside the site\n".utf8).write(to: root.appendingPathComponent("secret.txt"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent("content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Starts a preview, runs `body` with its port, and stops it whatever happens.
    func serve(_ body: (UInt16) async throws -> Void) async throws {
        let preview = try PreviewServer(options: PreviewOptions(content: content, templates: Self.templates, port: 0), log: { _ in })
        let url = try await preview.start()
        do {
            try await body(UInt16(url.port!))
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }
}

@Suite struct PreviewServerTests {
    @Test func aPageIsServedWithTheReloadScript() async throws {
        let fixture = try PreviewFixture()
        try await fixture.serve { port in
            let home = try await blocking { try RawHTTP.get("/", port: port) }
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("Preview Dossier"))
            #expect(home.body.contains("EventSource(\"/__dossier/events\")"))
            let page = try await blocking { try RawHTTP.get("/proposals/plan/", port: port) }
            #expect(page.status == 200)
            #expect(page.body.contains("The first version."))
            let css = try await blocking { try RawHTTP.get("/assets/style.css", port: port) }
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        }
    }

    @Test func aFolderWithoutItsSlashIsRedirected() async throws {
        let fixture = try PreviewFixture()
        try await fixture.serve { port in
            let response = try await blocking { try RawHTTP.get("/proposals/plan", port: port) }
            #expect(response.status == 301)
            #expect(response.headers["location"] == "/proposals/plan/")
        }
    }

    @Test func aMissingPageGetsTheSites404PageWithStatus404() async throws {
        let fixture = try PreviewFixture()
        try await fixture.serve { port in
            let response = try await blocking { try RawHTTP.get("/proposals/no-such-plan/", port: port) }
            #expect(response.status == 404)
            #expect(response.body.contains("Page not found"))
        }
    }

    @Test func anEditAppearsOnTheNextRequestAndTriggersAReload() async throws {
        let fixture = try PreviewFixture()
        try await fixture.serve { port in
            let events = try RawHTTP(port: port, timeout: 15)
            events.send("/__dossier/events")
            #expect(try await blocking { events.read(until: ": connected") })
            try fixture.write("proposals/plan.md", "---\ntitle: The plan\nstatus: floated\npositions:\n  - actor: italy\n    stance: supports\n---\nThe second, longer version.\n")
            #expect(try await blocking { events.read(until: "event: reload") })
            let page = try await blocking { try RawHTTP.get("/proposals/plan/", port: port) }
            #expect(page.body.contains("The second, longer version."))
        }
    }

    @Test func aBrokenEditServesTheOverlayOverTheLastGoodPageUntilItIsFixed() async throws {
        let fixture = try PreviewFixture()
        try await fixture.serve { port in
            try fixture.write("proposals/plan.md", "---\ntitle: The plan\nstatus: floated\npositions:\n  - actor: italy\n    stance: suports\n---\nA broken version.\n")
            #expect(try await eventually { try RawHTTP.get("/proposals/plan/", port: port).body.contains("dossier-overlay") })
            let broken = try await blocking { try RawHTTP.get("/proposals/plan/", port: port) }
            #expect(broken.status == 200)
            #expect(broken.body.contains("The first version."))
            #expect(!broken.body.contains("A broken version."))
            #expect(broken.body.contains("invalid stance &#39;suports&#39;") || broken.body.contains("invalid stance 'suports'"))
            #expect(broken.body.contains("proposals/plan.md:6:13"))
            let other = try await blocking { try RawHTTP.get("/actors/italy/", port: port) }
            #expect(other.body.contains("dossier-overlay"))

            try fixture.write("proposals/plan.md", "---\ntitle: The plan\nstatus: floated\npositions:\n  - actor: italy\n    stance: supports\n---\nThe fixed version.\n")
            #expect(try await eventually {
                let page = try RawHTTP.get("/proposals/plan/", port: port).body
                return page.contains("The fixed version.") && !page.contains("dossier-overlay")
            })
        }
    }

    @Test(arguments: [
        "/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%2f..%2fsecret.txt", "/assets%2f..%2f..%2fsecret.txt", "/..%5c..%5csecret.txt", "/./../secret.txt",
        "/etc/passwd", "//etc/passwd", "/" + FileManager.default.temporaryDirectory.path + "/secret.txt",
        "http://127.0.0.1/../secret.txt", "/%00/../secret.txt", "/.%2e/secret.txt",
    ])
    func aPathOutsideTheSiteGets404Or400AndNeverAFile(target: String) async throws {
        let fixture = try PreviewFixture()
        try await fixture.serve { port in
            let response = try await blocking { try RawHTTP.get(target, port: port) }
            #expect([400, 404].contains(response.status), "\(target) → \(response.status)")
            #expect(!response.body.contains("secret outside the site"))
            #expect(!response.body.contains("root:"))
        }
    }

    @Test func theServerKeepsServingUnderFiftyConcurrentRequests() async throws {
        let fixture = try PreviewFixture()
        try await fixture.serve { port in
            let statuses = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for i in 0..<50 {
                    let target = ["/", "/proposals/plan/", "/actors/italy/", "/assets/style.css", "/matrix/"][i % 5]
                    group.addTask {
                        let response = try await blocking { try RawHTTP.get(target, port: port) }
                        return (response.status, !response.body.isEmpty)
                    }
                }
                var out: [(Int, Bool)] = []
                for try await result in group { out.append(result) }
                return out
            }
            #expect(statuses.count == 50)
            #expect(statuses.allSatisfy { $0 == (200, true) })
            let after = try await blocking { try RawHTTP.get("/", port: port) }
            #expect(after.status == 200)
        }
    }

    @Test func aBusyPortIsAClearErrorNamingThePort() async throws {
        let fixture = try PreviewFixture()
        try await fixture.serve { port in
            let second = try PreviewServer(options: PreviewOptions(content: fixture.content, templates: PreviewFixture.templates, port: port),
                                           log: { _ in })
            do {
                _ = try await second.start()
                Issue.record("a second server started on port \(port)")
                await second.stop()
            } catch let error as PreviewError {
                #expect("\(error)".contains("port \(port) is already in use"))
            }
        }
    }

    @Test func anAddressThatIsNotAnIPIsRefused() async throws {
        let fixture = try PreviewFixture()
        let preview = try PreviewServer(options: PreviewOptions(content: fixture.content, templates: PreviewFixture.templates,
                                                                host: "example.org", port: 0), log: { _ in })
        await #expect(throws: PreviewError.self) { _ = try await preview.start() }
        await preview.stop()
    }
}
