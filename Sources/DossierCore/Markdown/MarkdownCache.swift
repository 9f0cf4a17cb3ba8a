/// A brief whose Markdown the resolver renders.
protocol RenderedBrief {
    var header: BriefHeader { get set }
}

extension Actor: RenderedBrief {}
extension Proposal: RenderedBrief {}
extension Source: RenderedBrief {}
extension Page: RenderedBrief {}

/// Briefs with their Markdown rendered, kept between builds for the preview server.
///
/// A brief is taken from the cache when its file was not read again since the last build and none of the briefs its
/// links name changed (a renamed, new or removed target changes the link's text or makes it an error). Briefs with a
/// broken link are always rendered again when briefs come or go, so that their hints stay right.
final class MarkdownCache: @unchecked Sendable {
    private struct Entry {
        var brief: Any
        var output: MarkdownPass.Output
    }

    private var entries: [PageID: Entry] = [:]
    private var ids: [String: PageID] = [:]
    private var changedFiles: Set<String> = []
    private var changedBriefs: Set<PageID> = []
    private var briefCount = 0
    private var briefsCameOrWent = false
    private var allowHTML: Bool?

    /// Tells the cache which files were read again since the last build (new or edited), and which are gone.
    func filesChanged(_ files: Set<String>, removed: Set<String>) {
        changedFiles = files.union(removed)
        changedBriefs = Set(changedFiles.compactMap { ids[$0] })
        for file in removed {
            if let id = ids.removeValue(forKey: file) { entries[id] = nil }
        }
    }

    /// Starts a build of `briefs` briefs; a change of the raw-HTML setting forgets everything.
    func startPass(allowHTML: Bool, briefs: Int) {
        if self.allowHTML != allowHTML { entries = [:] }
        self.allowHTML = allowHTML
        briefsCameOrWent = briefs != briefCount || changedFiles.contains { ids[$0] == nil }
        briefCount = briefs
    }

    /// The rendered brief and its output, when still good. Safe from many threads: a build only reads the cache
    /// while it renders, and stores afterwards.
    func reuse<B>(_ id: PageID, file: String, as type: B.Type) -> (B, MarkdownPass.Output)? {
        guard !changedFiles.contains(file), let entry = entries[id], let brief = entry.brief as? B,
              entry.output.references.isDisjoint(with: changedBriefs),
              !(briefsCameOrWent && !entry.output.diagnostics.isEmpty) else { return nil }
        return (brief, entry.output)
    }

    func store<B: RenderedBrief>(_ brief: B, _ output: MarkdownPass.Output, file: String) {
        entries[output.id] = Entry(brief: brief, output: output)
        ids[file] = output.id
    }
}
