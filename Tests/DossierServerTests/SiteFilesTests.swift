import DossierCore
import Foundation
import Testing
@testable import DossierServer

/// Request paths mapped onto the built site's files, and nothing else.
@Suite final class SiteFilesTests {
    let root: URL
    let site: SiteFiles

    deinit { try? FileManager.default.removeItem(at: root) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-sitefiles-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("actors/italy"), withIntermediateDirectories: true)
        try Data("home".utf8).write(to: folder.appendingPathComponent("index.html"))
        try Data("italy".utf8).write(to: folder.appendingPathComponent("actors/italy/index.html"))
        try Data("hidden".utf8).write(to: folder.appendingPathComponent(".index.html.tmp-1"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("escape.txt").path,
                                                   withDestinationPath: root.appendingPathComponent("secret.txt").path)
        site = SiteFiles(root: folder.path)
    }

    @Test func aFolderServesItsIndexAndAFileServesItself() {
        #expect(site.resolve("/") == .file(site.root + "/index.html"))
        #expect(site.resolve("/actors/italy/") == .file(site.root + "/actors/italy/index.html"))
        #expect(site.resolve("/actors/italy/index.html") == .file(site.root + "/actors/italy/index.html"))
        #expect(site.resolve("/actors/%69taly/") == .file(site.root + "/actors/italy/index.html"))
    }

    @Test func aFolderWithoutItsSlashRedirects() {
        #expect(site.resolve("/actors/italy") == .redirect("/actors/italy/"))
    }

    @Test func dotSegmentsInAnyFormAreBadRequests() {
        for path in ["/../secret.txt", "/actors/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2e/secret.txt", "/./index.html",
                     "/actors%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/%00", "relative/path", "/%zz"] {
            #expect(site.resolve(path) == .badRequest, "\(path)")
        }
    }

    @Test func whatIsNotInTheSiteIsNotFound() {
        for path in ["/secret.txt", "/escape.txt", "/.index.html.tmp-1", "/actors/france/", "/" + root.path + "/secret.txt"] {
            #expect(site.resolve(path) == .notFound, "\(path)")
        }
    }
}

/// Change detection by polling file stamps.
@Suite struct ContentWatcherTests {
    @Test func addedModifiedAndRemovedFilesAreChangesAndDotfilesAreNot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("actors"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: root.appendingPathComponent("actors/a.md"))
        try Data("b".utf8).write(to: root.appendingPathComponent("actors/b.md"))
        let watcher = ContentWatcher(folders: [root.path])
        let before = watcher.scan()
        #expect(before.count == 2)
        try Data("a, longer".utf8).write(to: root.appendingPathComponent("actors/a.md"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("actors/b.md"))
        try Data("c".utf8).write(to: root.appendingPathComponent("actors/c.md"))
        try Data("swap".utf8).write(to: root.appendingPathComponent("actors/.a.md.swp"))
        let after = watcher.scan()
        #expect(ContentWatcher.changes(from: before, to: after) == ["a.md", "b.md", "c.md"].map { root.path + "/actors/" + $0 })
        #expect(ContentWatcher.changes(from: after, to: watcher.scan()) == [])
    }
}

/// The panel shown over pages while the content does not build.
@Suite struct OverlayTests {
    @Test func theOverlayListsEachErrorEscapedAndGoesBeforeTheBodyEnds() {
        let overlay = Overlay.html([
            Diagnostic(file: "content/proposals/x.md", line: 7, column: 12, message: "unknown actor '<b>'", hint: "did you mean 'bob'?"),
            Diagnostic(file: "content/actors/y.md", line: 2, severity: .warning, message: "a warning"),
        ])
        #expect(overlay.contains("1 error."))
        #expect(overlay.contains("<li><code>content/proposals/x.md:7:12</code> unknown actor &#39;&lt;b&gt;&#39;"))
        #expect(!overlay.contains("a warning"))
        #expect(Overlay.inject("<p>O</p>", into: "<html><body><p>x</p></body></html>") == "<html><body><p>x</p><p>O</p></body></html>")
    }
}
