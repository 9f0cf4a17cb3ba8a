import Foundation

/// A deterministic synthetic dossier in the content model, for benchmarks and tests.
///
/// The shape follows `bench/gen-dossier.py`: 20% actors, 60% proposals, 20% sources; bodies with headings, lists,
/// emphasis, quotes and code spans at the lengths of real briefs (actors ~300 words, proposals ~700, sources ~150);
/// cross-references of every kind in bodies and in front matter. It also uses every field of the content model,
/// free pages, and drafts (every hundredth proposal, referenced by nothing). The same size always writes the same bytes.
public struct SyntheticDossier: Sendable {
    public let briefs: Int
    public let actorCount: Int
    public let proposalCount: Int
    public let sourceCount: Int
    public static let pageSlugs = ["about", "methodology"]

    public init(briefs: Int) {
        self.briefs = briefs
        actorCount = max(2, briefs / 5)
        sourceCount = max(1, briefs / 5)
        proposalCount = max(1, briefs - actorCount - sourceCount)
    }

    /// Whether proposal `i` is a draft.
    static func isDraft(proposal i: Int) -> Bool { i % 100 == 99 }

    public var draftCount: Int { (0..<proposalCount).count { Self.isDraft(proposal: $0) } }

    /// Pages a build without drafts writes: one per published brief and free page, and the seven index pages.
    public var expectedPages: Int {
        actorCount + proposalCount - draftCount + sourceCount + Self.pageSlugs.count + 7
    }

    /// Writes `content/`-style folders into `directory` (which must exist).
    public func write(to directory: String) throws {
        var writer = Writer(self)
        try writer.write(to: directory)
    }
}

private let words = """
    security guarantee alliance deterrence ceasefire negotiation sovereignty territory
    border troops deployment sanctions aid reconstruction commitment clause mechanism response
    council summit envoy minister president parliament treaty accord framework coalition partner
    escalation enforcement monitoring verification timeline concession demand proposal option
    defence economy energy corridor port grain infrastructure investment credibility signal risk
    pressure leverage consensus unanimity veto mandate observers peacekeeping buffer zone frontline
    air missile drone artillery logistics training equipment finance budget pledge guarantee
    """.split(whereSeparator: \.isWhitespace).map(String.init)

private let stances = ["proposes", "supports", "conditional", "undecided", "skeptical", "opposes"]
private let statuses = ["floated", "under-discussion", "endorsed", "rejected", "adopted", "withdrawn", "precedent"]
private let actorKinds = ["person", "state", "organization"]
private let sourceKinds = ["news", "analysis", "opinion", "official", "other"]
private let fragments = ["positions", "proposed", "sources-cited", "mentioned-in"]

/// Writes one synthetic dossier, drawing every choice from one seeded generator in file order.
private struct Writer {
    let shape: SyntheticDossier
    var rng = SeededRandom(seed: 1)
    let actors: [String]
    let proposals: [String]
    let sources: [String]
    /// Proposals other briefs may reference: every one but the drafts.
    let published: [String]

    init(_ shape: SyntheticDossier) {
        self.shape = shape
        actors = (0..<shape.actorCount).map { "actor-" + pad($0) }
        let proposals = (0..<shape.proposalCount).map { "proposal-" + pad($0) }
        self.proposals = proposals
        sources = (0..<shape.sourceCount).map { "source-" + pad($0) }
        published = proposals.indices.filter { !SyntheticDossier.isDraft(proposal: $0) }.map { proposals[$0] }
    }

    mutating func write(to directory: String) throws {
        for folder in ["actors", "proposals", "sources", "pages"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
        }
        try save(directory + "/site.yml", """
            title: "Synthetic dossier"
            description: "Generated for benchmarking."
            language: en
            base_url: "https://example.org/"
            publisher: "Dossier bench"
            license: "CC BY 4.0"
            matrix_actors: 30

            """)
        try save(directory + "/index.md", "---\ntitle: Synthetic dossier\nsummary: \(q(sentence()))\n---\n" + paragraph(5, refs: 3) + "\n")
        for (i, slug) in SyntheticDossier.pageSlugs.enumerated() {
            try save(directory + "/pages/\(slug).md", brief(["title: \(q("Page \(i): " + phrase(2, 4)))", "summary: \(q(sentence()))"],
                                                            body(sections: 2, paragraphs: 2, refs: 1)))
        }
        for (i, slug) in actors.enumerated() { try save(directory + "/actors/\(slug).md", actor(i)) }
        for (i, slug) in proposals.enumerated() { try save(directory + "/proposals/\(slug).md", proposal(i, slug)) }
        for (i, slug) in sources.enumerated() { try save(directory + "/sources/\(slug).md", source(i, slug)) }
    }

    private func save(_ path: String, _ text: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    private func brief(_ fields: [String], _ body: String) -> String {
        "---\n" + fields.joined(separator: "\n") + "\n---\n\n" + body
    }

    // MARK: Text

    private mutating func phrase(_ lo: Int, _ hi: Int) -> String {
        var out = (0..<rng.int(lo...hi)).map { _ in rng.pick(words) }
        out[0] = out[0].prefix(1).uppercased() + String(out[0].dropFirst())
        return out.joined(separator: " ")
    }

    private mutating func sentence(_ lo: Int = 8, _ hi: Int = 20) -> String { phrase(lo, hi) + "." }

    private mutating func date() -> String {
        let year = rng.pick([2022, 2023, 2024, 2025])
        let form = rng.unit()
        if form < 0.1 { return "\(year)" }
        if form < 0.25 { return "\(year)-\(pad2(rng.int(1...12)))" }
        return "\(year)-\(pad2(rng.int(1...12)))-\(pad2(rng.int(1...28)))"
    }

    /// A cross-reference: mostly `[text](kind:slug)`, some autolinks `<kind:slug>`, some with a fragment.
    private mutating func ref() -> String {
        let kind = rng.pick(["actor", "actor", "proposal", "source"])
        let slug = rng.pick(kind == "actor" ? actors : kind == "proposal" ? published : sources)
        if rng.chance(0.15) { return "<\(kind):\(slug)>" }
        let fragment = kind == "actor" && rng.chance(0.2) ? "#" + rng.pick(fragments) : ""
        return "[\((0..<rng.int(1...3)).map { _ in rng.pick(words) }.joined(separator: " "))](\(kind):\(slug)\(fragment))"
    }

    private mutating func paragraph(_ count: Int, refs: Int) -> String {
        var parts = (0..<count).map { _ in sentence() }
        for _ in 0..<refs {
            let i = rng.int(0...(parts.count - 1))
            parts[i] = String(parts[i].dropLast()) + ", as " + ref() + " noted."
        }
        if rng.chance(0.3) { parts[0] = "*" + String(parts[0].dropLast()) + "*." }
        if rng.chance(0.2) { parts[parts.count - 1] = String(parts[parts.count - 1].dropLast()) + " under `clause \(rng.int(1...12))`." }
        return parts.joined(separator: " ")
    }

    private mutating func body(sections: Int, paragraphs: Int, refs: Int) -> String {
        var out: [String] = []
        for _ in 0..<sections {
            out.append("## " + phrase(2, 5) + "\n")
            for _ in 0..<paragraphs { out.append(paragraph(rng.int(3...6), refs: refs) + "\n") }
            if rng.chance(0.5) { out.append((0..<rng.int(2...5)).map { _ in "- " + sentence(4, 10) }.joined(separator: "\n") + "\n") }
            if rng.chance(0.3) { out.append("> " + sentence(10, 25) + "\n") }
        }
        return out.joined(separator: "\n")
    }

    /// Inline Markdown for front matter: a sentence, sometimes with emphasis or a cross-reference.
    private mutating func inline(_ lo: Int, _ hi: Int) -> String {
        var text = sentence(lo, hi)
        if rng.chance(0.2) { text = "*" + String(text.dropLast()) + "*." }
        if rng.chance(0.2) { text = String(text.dropLast()) + ", per " + ref() + "." }
        return q(text)
    }

    // MARK: Briefs

    private mutating func actor(_ i: Int) -> String {
        let kind = actorKinds[i % 3]
        var fm = ["name: \(q("Actor \(i) " + phrase(1, 1)))", "kind: \(kind)"]
        if kind == "person" {
            fm.append("role: \(q(phrase(2, 4)))")
            fm.append("affiliation: \(rng.pick(actors))")
        } else {
            fm.append("member_of: [" + rng.sample(actors, 2).joined(separator: ", ") + "]")
        }
        fm.append("aliases: [\(q("A\(i)")), \(q("Actor \(i)"))]")
        fm.append("summary: \(q(sentence()))")
        fm.append("updated: \(date())")
        return brief(fm, body(sections: 2, paragraphs: 2, refs: 1))
    }

    private mutating func proposal(_ i: Int, _ slug: String) -> String {
        var fm = ["title: \(q("Proposal \(i): " + phrase(3, 7)))", "short: \(q("P\(i)"))", "status: \(rng.pick(statuses))",
                  "proposed: \(date())", "proposed_by: [" + rng.sample(actors, rng.int(1...2)).joined(separator: ", ") + "]",
                  "summary: \(q(sentence()))", "provisions:"]
        for _ in 0..<3 { fm.append("  - " + inline(8, 20)) }
        fm.append("positions:")
        for actor in rng.sample(actors, 8) {
            fm.append("  - actor: \(actor)")
            fm.append("    stance: \(rng.pick(stances))")
            fm.append("    note: \(inline(6, 14))")
            if rng.chance(0.4) { fm.append("    quote: \(q(sentence(6, 14)))") }
            fm.append("    date: \(date())")
            fm.append("    source: \(rng.pick(sources))")
        }
        fm.append("timeline:")
        for _ in 0..<4 {
            fm.append("  - date: \(date())")
            fm.append("    event: \(inline(6, 14))")
            fm.append("    actors: [" + rng.sample(actors, 2).joined(separator: ", ") + "]")
            fm.append("    source: \(rng.pick(sources))")
        }
        fm.append("related: [" + rng.sample(published, 4).filter { $0 != slug }.prefix(3).joined(separator: ", ") + "]")
        fm.append("sources: [" + rng.sample(sources, 3).joined(separator: ", ") + "]")
        fm.append("updated: \(date())")
        if SyntheticDossier.isDraft(proposal: i) { fm.append("draft: true") }
        return brief(fm, body(sections: 3, paragraphs: 3, refs: 1))
    }

    private mutating func source(_ i: Int, _ slug: String) -> String {
        let fm = ["title: \(q("Report \(i): " + phrase(4, 9)))", "outlet: \(q(phrase(1, 1) + " Post"))",
                  "kind: \(rng.pick(sourceKinds))", "published: \(date())", "url: https://example.org/\(slug)",
                  "author: \(q("Author \(i)"))"]
        return brief(fm, paragraph(5, refs: 1) + "\n")
    }
}

/// A YAML double-quoted string.
private func q(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

private func pad(_ i: Int) -> String { String(repeating: "0", count: max(0, 5 - String(i).count)) + String(i) }

private func pad2(_ i: Int) -> String { i < 10 ? "0\(i)" : "\(i)" }
