@testable import DossierCore
import Testing
import Yams

@Suite struct SimpleYAMLTests {
    /// Node tables compared on everything FieldReader reads: kinds, strings, styles, tags, locations, booleans, numbers.
    private func describe(_ table: YAMLTable, _ i: Int = 0) -> String {
        let node = table.nodes[i]
        let at = "@\(node.line):\(node.column)"
        switch node.kind {
        case .scalar:
            let yams = table.yams(i)
            return "scalar(\(table.text(i).debugDescription) \(node.style) \(table.tag(i).rawValue) \(String(describing: Bool.construct(from: yams))) \(String(describing: Int.construct(from: yams)))\(at))"
        case .sequence: return "[\(table.children(i).map { describe(table, $0) }.joined(separator: ", "))]\(at)"
        case .mapping:
            let children = table.children(i)
            let pairs = stride(from: 0, to: children.count, by: 2).map { key(table, children[$0]) + ": " + describe(table, children[$0 + 1]) }
            return "{\(pairs.joined(separator: ", "))}\(at)"
        }
    }

    /// Keys are compared without their tags: Yams resolves them while checking for duplicates, and only their text is read.
    private func key(_ table: YAMLTable, _ i: Int) -> String {
        "\(table.text(i).debugDescription)@\(table.nodes[i].line):\(table.nodes[i].column)"
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
            let full = YAMLTable(try #require(try Yams.compose(yaml: yaml), "\(yaml)"))
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
