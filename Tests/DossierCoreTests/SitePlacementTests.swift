import Foundation
import Testing
@testable import DossierCore

/// A new site is made where the file system has room of its own for it, away from what was deleted minutes before.
@Suite struct SitePlacementTests {
    /// ext4's flags of the folder at `path` (`lsattr`), or nil where the file system keeps none.
    static func flags(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var flags: Int32 = 0
        return ioctl(fd, 0x8008_6601, &flags) == 0 ? flags : nil
    }

    static let keepsFlags: Bool = {
        let folder = Fixture.parent.path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return flags(folder) != nil
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
        let topOfTree: Int32 = 0x0002_0000
        #expect((Self.flags(fixture.output) ?? 0) & topOfTree != 0)
        // Only the site's own folder: its sections are not marked, so each one's pages stay together.
        #expect((Self.flags(fixture.output + "/proposals") ?? 0) & topOfTree == 0)
    }
}
