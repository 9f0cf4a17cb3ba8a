@testable import DossierCore
import Testing
import Yams

@Suite struct SimpleYAMLTests {
    /// Node trees compared on everything FieldReader reads: kinds, strings, styles, tags, locations, booleans, numbers.
    private func describe(_ node: YAMLNode) -> String {
        let at = "@\(node.location.line):\(node.location.column)"
        switch node {
        case .scalar(let s):
            return "scalar(\(s.text.debugDescription) \(s.style) \(s.tag.rawValue) \(String(describing: node.bool)) \(String(describing: node.int))\(at))"
        case .sequence(let items, _): return "[\(items.map(describe).joined(separator: ", "))]\(at)"
        case .mapping(let pairs, _): return "{\(pairs.map { key($0.key) + ": " + describe($0.value) }.joined(separator: ", "))}\(at)"
        }
    }

    /// Keys are compared without their tags: Yams resolves them while checking for duplicates, and only their text is read.
    private func key(_ node: YAMLNode) -> String {
        "\(node.string.debugDescription)@\(node.location.line):\(node.location.column)"
    }

    private let proposal = """
        title: "Proposal 5: Economy \\"zone\\" signal \\\\ leverage"
        short: 'P''5'
        status: under-discussion
        proposed: 2025-09-06
        proposed_by: [actor-00080, actor-00003]
        summary: "Ünïcode — and a [link](actor:actor-00001) with #hash and key: value."
        provisions:
          - "*Council guarantee*, per [x](actor:actor-00051)."
          - plain provision text, with commas [and brackets]
        # a comment between fields
        positions:
          - actor: actor-00093
            stance: supports
            note: "Note."

            date: 2024-07
            source: source-00040
          - actor: actor-00161
            stance: conditional
        timeline:
        - date: 2023-01-05
          event: "Éé event."
          actors: ["Ünï", actor-00150, 'x']
        related: []
        url: https://example.org/a:b#c
        count: -3
        draft: true
        empty_list: [ ]
        """

    @Test func frontMatterInTheSubsetComposesExactlyAsYamsDoes() throws {
        for yaml in [proposal, "a: b", "  indented: root\n  second: 2", "list:\n- a\n- b\nnext: c", "k: ~\nn: null\nt: yes"] {
            let fast = try #require(SimpleYAML.compose(yaml), "\(yaml)")
            let full = YAMLNode(try #require(try Yams.compose(yaml: yaml), "\(yaml)"))
            #expect(describe(fast) == describe(full), "\(yaml)")
        }
    }

    @Test func everythingElseIsLeftToYams() {
        let outside = ["", "# only a comment", "a: b\na: c", "a: &x b", "a: *x", "a: !!str b", "a: |\n  block", "a: >\n  folded",
                       "a: multi\n  line", "a: \"open\n  quote\"", "a: b # comment", "a: \"esc \\n\"", "a:\tb", "a:",
                       "a:\nb: c", "a: {b: c}", "a: [b, [c]]", "a: [b c]", "a: [b,]", "? a\n: b", "a b: c", "\"a\": b",
                       "- a\n- b", "a: b: c", "a: -", "a: - b", "a: x\r\nb: y", "a: \u{85}", "a: x\u{2028}y", "a: \u{FEFF}x", "- a",
                       // Long lines, so that the characters fall inside the eight-byte checks.
                       "title: a long plain value\twith a tab", "title: a long plain value with \u{7F} in it",
                       "title: a long plain value with \u{85} in it", "title: a long plain value with a \r in it",
                       "title: a long plain value with \u{1F} in it"]
        for yaml in outside {
            #expect(SimpleYAML.compose(yaml) == nil, "\(yaml)")
        }
    }
}
