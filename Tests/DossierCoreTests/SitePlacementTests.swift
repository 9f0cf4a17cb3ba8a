import Foundation
import Testing
@testable import DossierCore

/// A new site is made where the file system has room of its own for it, away from what was deleted minutes before.
@Suite struct SitePlacementTests {
    static let keepsFlags: Bool = {
        let folder = Fixture.parent.path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return FileTree.flags(of: folder) != nil
    }()

    @Test func aNewSiteHoldsItsSectionsUnderTheirOwnNamesAndNothingMadeOnTheWay() throws {
        let fixture = Fixture()
        #expect(fixture.build().wrote)
        let entries = try FileManager.default.contentsOfDirectory(atPath: fixture.output)
        #expect(Set(["about", "actors", "assets", "proposals", "sources", "timeline"]).isSubset(of: entries))
        #expect(!entries.contains { $0.hasPrefix(".") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted() == ["content", "public"])
    }

    @Test(.enabled(if: keepsFlags, "the temporary folder's file system keeps no ext4 flags"))
    func aNewSiteIsMarkedAsTheTopOfAFolderTreeSoThatItsSectionsAreSpreadOut() throws {
        let fixture = Fixture()
        #expect(fixture.build().wrote)
        #expect((FileTree.flags(of: fixture.output) ?? 0) & FileTree.topOfTree != 0)
        // Only the site's own folder: its sections are not marked, so each one's pages stay together.
        #expect((FileTree.flags(of: fixture.output + "/proposals") ?? 0) & FileTree.topOfTree == 0)
    }
}
