import Foundation
import Testing
@testable import DossierCore

/// A build keeps the site it replaced as `.public.previous` and the next build rewrites that folder in place.
@Suite struct PreviousSiteTests {
    /// The tree a build of the fixture's content into a new folder writes.
    func freshTree(_ fixture: Fixture, baseURL: String? = nil) -> [String: String] {
        var options = fixture.options(baseURL: baseURL, keepPrevious: false)
        options.output = fixture.root.appendingPathComponent("fresh-\(UUID().uuidString)").path
        #expect(Build.run(options).wrote)
        defer { try? FileManager.default.removeItem(atPath: options.output) }
        return Fixture.tree(options.output)
    }

    func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    /// What is in the fixture's root besides the content.
    func rootEntries(_ fixture: Fixture) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixture.root.path)) ?? []).filter { $0 != "content" }.sorted()
    }

    @Test func theReplacedSiteIsKeptBesideTheOutput() {
        let fixture = Fixture()
        _ = fixture.build()
        #expect(rootEntries(fixture) == ["public"])
        let first = Fixture.tree(fixture.output)
        _ = fixture.build()
        #expect(rootEntries(fixture) == [".public.previous", "public"])
        #expect(Fixture.tree(fixture.previous) == first)
    }

    @Test func theNextBuildRewritesTheKeptSiteAndWritesWhatAFreshBuildWrites() {
        let big = String(repeating: "0123456789", count: 20_000)
        let fixture = Fixture(changing: ["assets/maps/front.svg": "<svg/>", "assets/big.txt": big,
                                         "sources/extra.md": "---\ntitle: Extra\n---\nLong text.\n"])
        _ = fixture.build(baseURL: "https://example.org/d/")
        let firstSite = inode(fixture.output + "/index.html")
        _ = fixture.build(baseURL: "https://example.org/d/")
        // Without a base URL there are no feeds and pages are shorter; the extra source and an asset are gone, and
        // the big asset shrinks.
        fixture.remove("sources/extra.md")
        fixture.remove("assets/maps/front.svg")
        fixture.write("assets/big.txt", "small")
        fixture.write("actors/nato.md", "---\nname: NATO\nkind: organization\n---\nA longer body than before.\n")
        let report = fixture.build()
        #expect(report.wrote)
        #expect(firstSite != nil && inode(fixture.output + "/index.html") == firstSite)
        let tree = Fixture.tree(fixture.output)
        #expect(tree == freshTree(fixture))
        #expect(tree["sitemap.xml"] == nil && tree["assets/maps"] == nil && tree["sources/extra"] == nil)
        #expect(tree["assets/big.txt"] == "small")
    }

    @Test func aRemovedPageVanishesFromTheSiteAndFromTheKeptSiteWhenItIsRewritten() {
        let fixture = Fixture(changing: ["sources/extra.md": "---\ntitle: Extra\n---\n"])
        _ = fixture.build()
        _ = fixture.build()
        fixture.remove("sources/extra.md")
        _ = fixture.build()
        #expect(Fixture.tree(fixture.output)["sources/extra"] == nil)
        // The site kept now is the one that had the page; the next build rewrites it.
        #expect(Fixture.tree(fixture.previous)["sources/extra/index.html"] != nil)
        _ = fixture.build()
        let tree = Fixture.tree(fixture.output)
        #expect(tree["sources/extra"] == nil && tree["sources/extra/index.html"] == nil)
        #expect(tree == freshTree(fixture))
    }

    @Test func linksPlantedInTheKeptSiteAreRemovedAndWhatTheyPointToIsUntouched() throws {
        let fm = FileManager.default
        let fixture = Fixture()
        _ = fixture.build()
        _ = fixture.build()
        let outside = fixture.root.appendingPathComponent("outside").path
        try fm.createDirectory(atPath: outside + "/folder", withIntermediateDirectories: true)
        try "precious".write(toFile: outside + "/victim.html", atomically: false, encoding: .utf8)
        try "also precious".write(toFile: outside + "/folder/index.html", atomically: false, encoding: .utf8)
        let before = Fixture.tree(outside)
        let kept = inode(fixture.previous + "/proposals/index.html")
        try fm.removeItem(atPath: fixture.previous + "/index.html")
        try fm.createSymbolicLink(atPath: fixture.previous + "/index.html", withDestinationPath: outside + "/victim.html")
        try fm.removeItem(atPath: fixture.previous + "/actors/nato")
        try fm.createSymbolicLink(atPath: fixture.previous + "/actors/nato", withDestinationPath: outside + "/folder")
        try fm.createSymbolicLink(atPath: fixture.previous + "/elsewhere", withDestinationPath: outside)
        #expect(fixture.build().wrote)
        #expect(inode(fixture.output + "/proposals/index.html") == kept)
        #expect(Fixture.tree(outside) == before)
        #expect(Fixture.tree(fixture.output) == freshTree(fixture))
    }

    @Test func aFileHardLinkedFromElsewhereIsReplacedNotWrittenThrough() throws {
        let fixture = Fixture()
        _ = fixture.build()
        _ = fixture.build()
        let victim = fixture.root.appendingPathComponent("victim.html").path
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: fixture.previous + "/index.html")
        try FileManager.default.linkItem(atPath: victim, toPath: fixture.previous + "/index.html")
        let kept = inode(fixture.previous + "/proposals/index.html")
        #expect(fixture.build().wrote)
        #expect(inode(fixture.output + "/proposals/index.html") == kept)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(inode(fixture.output + "/index.html") != inode(victim))
        #expect(Fixture.tree(fixture.output) == freshTree(fixture))
    }

    @Test func aFolderOrAPipeInAPagesPlaceIsReplacedByThePage() throws {
        let fixture = Fixture()
        _ = fixture.build()
        _ = fixture.build()
        let fm = FileManager.default
        try fm.removeItem(atPath: fixture.previous + "/index.html")
        try fm.createDirectory(atPath: fixture.previous + "/index.html/inner", withIntermediateDirectories: true)
        try fm.removeItem(atPath: fixture.previous + "/actors/nato/index.html")
        #expect(mkfifo(fixture.previous + "/actors/nato/index.html", 0o644) == 0)
        #expect(fixture.build().wrote)
        #expect(Fixture.tree(fixture.output) == freshTree(fixture))
    }

    @Test func aKeptFolderThatIsNoSiteIsLeftAloneAndTheReplacedSiteDeleted() throws {
        let fixture = Fixture()
        try FileManager.default.createDirectory(atPath: fixture.previous, withIntermediateDirectories: true)
        try "precious".write(toFile: fixture.previous + "/notes.txt", atomically: false, encoding: .utf8)
        #expect(fixture.build().wrote)
        #expect(fixture.build().wrote)
        #expect(Fixture.tree(fixture.previous) == ["notes.txt": "precious"])
        #expect(rootEntries(fixture) == [".public.previous", "public"])
        #expect(Fixture.tree(fixture.output) == freshTree(fixture))
    }

    @Test func aLinkInTheKeptSitesPlaceIsLeftAloneEvenToASite() throws {
        let fixture = Fixture()
        let elsewhere = fixture.root.appendingPathComponent("elsewhere").path
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try "not ours".write(toFile: elsewhere + "/index.html", atomically: false, encoding: .utf8)
        try "precious".write(toFile: elsewhere + "/notes.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: fixture.previous, withDestinationPath: elsewhere)
        #expect(fixture.build().wrote)
        #expect(fixture.build().wrote)
        #expect(Fixture.tree(elsewhere) == ["index.html": "not ours", "notes.txt": "precious"])
        #expect(rootEntries(fixture) == [".public.previous", "elsewhere", "public"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.previous) == elsewhere)
    }

    @Test func aBuildWithContentErrorsLeavesTheSiteAndTheKeptSiteUntouched() {
        let fixture = Fixture()
        _ = fixture.build()
        fixture.write("sources/extra.md", "---\ntitle: Extra\n---\n")
        _ = fixture.build()
        let site = Fixture.tree(fixture.output)
        let kept = Fixture.tree(fixture.previous)
        fixture.write("actors/nato.md", "---\nname: NATO\nkind: club\n---\n")
        let report = fixture.build()
        #expect(!report.succeeded && !report.wrote)
        #expect(Fixture.tree(fixture.output) == site)
        #expect(Fixture.tree(fixture.previous) == kept)
        #expect(rootEntries(fixture) == [".public.previous", "public"])
    }

    @Test func aBuildThatFailsWhileWritingLeavesTheSiteAsItWasAndDropsTheKeptSite() {
        let fixture = Fixture()
        _ = fixture.build()
        _ = fixture.build()
        let site = Fixture.tree(fixture.output)
        // A content asset below the templates' style.css: that path cannot be both a file and a folder.
        fixture.write("assets/style.css/extra.txt", "x")
        let report = fixture.build()
        #expect(!report.succeeded && !report.wrote)
        #expect(Fixture.tree(fixture.output) == site)
        #expect(rootEntries(fixture) == ["public"])
    }

    @Test func withoutKeepPreviousTheReplacedSiteIsDeleted() {
        let fixture = Fixture()
        _ = fixture.build(keepPrevious: false)
        _ = fixture.build(keepPrevious: false)
        #expect(rootEntries(fixture) == ["public"])
        _ = fixture.build()
        #expect(rootEntries(fixture) == [".public.previous", "public"])
        #expect(fixture.build(keepPrevious: false).wrote)
        #expect(rootEntries(fixture) == ["public"])
        #expect(Fixture.tree(fixture.output) == freshTree(fixture))
    }
}
