import Foundation
import Testing
@testable import DossierCore

/// The loader's cache: unchanged files are not read again, and body-only edits are told apart.
@Suite struct LoadCacheTests {
    @Test func onlyChangedFilesAreReadAgainAndABodyEditIsNotAHeadChange() throws {
        let fixture = try EditorFixture()
        let cache = LoadCache()
        _ = ContentLoader.load(from: fixture.content, timer: PhaseTimer(), cache: cache)
        #expect(cache.decodedLastPass.count == 9)
        _ = ContentLoader.load(from: fixture.content, timer: PhaseTimer(), cache: cache)
        #expect(cache.decodedLastPass.isEmpty)
        try fixture.edit("proposals/guarantee-plan.md", "The plan of", "The whole plan of")
        _ = ContentLoader.load(from: fixture.content, timer: PhaseTimer(), cache: cache)
        #expect(cache.decodedLastPass == [fixture.content + "/proposals/guarantee-plan.md"])
        #expect(cache.headChangedLastPass.isEmpty)
        try fixture.edit("proposals/guarantee-plan.md", "stance: undecided", "stance: opposes")
        _ = ContentLoader.load(from: fixture.content, timer: PhaseTimer(), cache: cache)
        #expect(cache.headChangedLastPass == [fixture.content + "/proposals/guarantee-plan.md"])
    }
}
