import Foundation
import Testing
@testable import DossierServer

/// The notifier that wakes the preview's watcher when a file changes.
@Suite struct ChangeNotifierTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("notifier-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/proposals", withIntermediateDirectories: true)
    }

    private func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: folder + "/" + relative, atomically: false, encoding: .utf8)
    }

    @Test func itListensOnLinux() {
        #if os(Linux)
        #expect(ChangeNotifier(folders: [folder]).listens)
        #endif
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func nothingChangedMeansTheWaitRunsOut() {
        let notifier = ChangeNotifier(folders: [folder])
        #expect(!notifier.wait(seconds: 0.05))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func aSavedFileInASubfolderEndsTheWait() throws {
        let notifier = ChangeNotifier(folders: [folder])
        guard notifier.listens else { return }
        try write("proposals/plan.md", "---\ntitle: Plan\n---\n")
        #expect(notifier.wait(seconds: 5))
        // The events of that save were read away: the next wait hears of nothing.
        #expect(!notifier.wait(seconds: 0.05))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func aFolderCreatedLaterIsWatchedToo() throws {
        let notifier = ChangeNotifier(folders: [folder])
        guard notifier.listens else { return }
        try FileManager.default.createDirectory(atPath: folder + "/sources", withIntermediateDirectories: true)
        #expect(notifier.wait(seconds: 5))
        try write("sources/afp.md", "---\ntitle: AFP\n---\n")
        #expect(notifier.wait(seconds: 5))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func dotFoldersAreNotWatched() throws {
        try FileManager.default.createDirectory(atPath: folder + "/.git", withIntermediateDirectories: true)
        let notifier = ChangeNotifier(folders: [folder])
        guard notifier.listens else { return }
        try write(".git/index", "x")
        #expect(!notifier.wait(seconds: 0.1))
        try? FileManager.default.removeItem(atPath: folder)
    }
}
