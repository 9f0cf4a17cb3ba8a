import Foundation
import Yams

/// Front matter as one flat table of nodes, whether SimpleYAML read it or it was converted from a Yams node: what
/// FieldReader reads.
///
/// Nodes are in document order, each container followed by everything inside it (a mapping's children as key,
/// value, key, value), and every scalar's text is a range of one byte buffer. A document is two arrays, where a tree
/// of nodes was an allocation per node and per text, each freed again one by one.
final class YAMLTable {
    enum Kind: UInt8 { case scalar, sequence, mapping }

    /// Plain data, so that tables copy and free without reference counting.
    struct Node {
        var kind: Kind
        var style: Yams.Node.Scalar.Style
        /// The tag as written or implied (see `tag(_:)`): `noTag` for a plain scalar, `strTag` for a quoted one, 2 and
        /// up for `otherTags[tag - 2]`.
        var tag: UInt32
        /// 1-based line and column (in Unicode scalars, as libyaml counts) within the YAML text.
        var line: Int32
        var column: Int32
        /// A scalar's text is `bytes[start..<start + count]`; a container leaves both 0.
        var start: Int32
        var count: Int32
        /// The index after this node and everything inside it: its next sibling's.
        var end: Int32
    }

    /// `Node.tag` for no tag (a plain scalar) and for `tag:yaml.org,2002:str` (a quoted one).
    static let noTag: UInt32 = 0, strTag: UInt32 = 1

    private(set) var nodes: [Node] = []
    /// Tags other than none and `str`, which only Yams's nodes have.
    private var otherTags: [Tag.Name] = []
    /// The scalars' texts.
    private(set) var bytes: [UInt8]
    /// For each key node, whether a getter asked for its pair; filled when the table is complete.
    var asked: [Bool] = []
    /// The keys getters asked for, with the mapping each was asked of: `FieldReader.finish` suggests from them.
    var known: [(mapping: Int, key: String)] = []

    /// A table whose texts are ranges of `bytes` (nodes add their texts with `append(bytes:)` otherwise).
    init(bytes: [UInt8] = []) {
        self.bytes = bytes
        nodes.reserveCapacity(64)
    }

    /// Converts what `Yams.compose` returned.
    convenience init(_ node: Yams.Node) {
        self.init()
        add(node)
        complete()
    }

    private func add(_ node: Yams.Node) {
        let (line, column) = (node.mark?.line ?? 0, node.mark?.column ?? 0)
        switch node {
        case .scalar(let s):
            let start = append(bytes: s.string.utf8)
            scalar(style: s.style, tag: code(Tag.Name(rawValue: s.tag.rawValue)), line: line, column: column, start: start,
                   count: s.string.utf8.count)
        case .sequence(let items):
            let container = open(.sequence, line: line, column: column)
            for item in items { add(item) }
            close(container)
        case .mapping(let pairs):
            let container = open(.mapping, line: line, column: column)
            for pair in pairs {
                add(pair.key)
                add(pair.value)
            }
            close(container)
        case .alias:
            scalar(style: .any, tag: Self.noTag, line: line, column: column, start: bytes.count, count: 0)
        }
    }

    /// The code of `tag` in `Node.tag`.
    private func code(_ tag: Tag.Name) -> UInt32 {
        if tag == .implicit { return Self.noTag }
        if tag == .str { return Self.strTag }
        if let i = otherTags.firstIndex(of: tag) { return UInt32(2 + i) }
        otherTags.append(tag)
        return UInt32(1 + otherTags.count)
    }

    /// The tag of node `i`.
    func tag(_ i: Int) -> Tag.Name {
        switch nodes[i].tag {
        case Self.noTag: return .implicit
        case Self.strTag: return .str
        case let k: return otherTags[Int(k) - 2]
        }
    }

    // MARK: Building

    /// Adds `more` to the bytes; returns where it starts.
    func append(bytes more: some Sequence<UInt8>) -> Int {
        let start = bytes.count
        bytes.append(contentsOf: more)
        return start
    }

    /// Adds a scalar whose text is `bytes[start..<start + count]`; `tag` is a `Node.tag` code.
    func scalar(style: Yams.Node.Scalar.Style, tag: UInt32, line: Int, column: Int, start: Int, count: Int) {
        nodes.append(Node(kind: .scalar, style: style, tag: tag, line: Int32(line), column: Int32(column),
                          start: Int32(start), count: Int32(count), end: Int32(nodes.count + 1)))
    }

    /// Starts a container; the nodes added until `close` are inside it.
    func open(_ kind: Kind, line: Int, column: Int) -> Int {
        nodes.append(Node(kind: kind, style: .any, tag: Self.noTag, line: Int32(line), column: Int32(column), start: 0, count: 0,
                          end: 0))
        return nodes.count - 1
    }

    func close(_ container: Int) {
        nodes[container].end = Int32(nodes.count)
    }

    /// Makes room for the getters' marks, once every node is in.
    func complete() {
        asked = Array(repeating: false, count: nodes.count)
    }

    // MARK: Reading

    /// The text of scalar `i`; empty for a container (a mapping's key can be one, in what Yams reads).
    func text(_ i: Int) -> String {
        let node = nodes[i]
        guard node.kind == .scalar else { return "" }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(node.start)..<Int(node.start + node.count)]), as: UTF8.self)
        }
    }

    /// Whether scalar `i`'s text is `key`; never for a container. Asked of every key a getter passes.
    @inline(__always)
    func text(_ i: Int, is key: String) -> Bool {
        let node = nodes[i]
        guard node.kind == .scalar, key.utf8.count == Int(node.count) else { return false }
        return key.withUTF8Bytes { key in
            bytes.withUnsafeBufferPointer {
                key.isEmpty || memcmp($0.baseAddress! + Int(node.start), key.baseAddress!, key.count) == 0
            }
        }
    }

    /// The children of container `i`.
    func children(_ i: Int) -> [Int] {
        var out: [Int] = []
        var k = i + 1
        while k < Int(nodes[i].end) {
            out.append(k)
            k = Int(nodes[k].end)
        }
        return out
    }

    /// Scalar `i` as Yams has it, to resolve booleans and numbers by Yams's own rules.
    func yams(_ i: Int) -> Yams.Node.Scalar {
        Yams.Node.Scalar(text(i), Tag(tag(i)), nodes[i].style)
    }
}
