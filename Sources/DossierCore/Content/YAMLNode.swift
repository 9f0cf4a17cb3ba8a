import Yams

/// A node of front matter with where it was written: what FieldReader reads, whether SimpleYAML built it or it was
/// converted from a Yams node.
indirect enum YAMLNode {
    case scalar(Scalar)
    case sequence([YAMLNode], Location)
    case mapping([(key: YAMLNode, value: YAMLNode)], Location)

    /// 1-based line and column (in Unicode scalars, as libyaml counts) within the YAML text.
    struct Location {
        var line: Int
        var column: Int
    }

    struct Scalar {
        var text: String
        var style: Node.Scalar.Style
        /// The tag as written or implied: empty for a plain scalar, `tag:yaml.org,2002:str` for a quoted one.
        var tag: Tag.Name
        var location: Location

        /// This scalar as Yams has it, to resolve booleans and numbers by Yams's own rules.
        var yams: Node.Scalar { Node.Scalar(text, Tag(tag), style) }
    }

    var location: Location {
        switch self {
        case .scalar(let s): return s.location
        case .sequence(_, let location), .mapping(_, let location): return location
        }
    }

    var string: String? {
        if case .scalar(let s) = self { return s.text }
        return nil
    }

    var bool: Bool? {
        if case .scalar(let s) = self { return Bool.construct(from: s.yams) }
        return nil
    }

    var int: Int? {
        if case .scalar(let s) = self { return Int.construct(from: s.yams) }
        return nil
    }

    /// Converts what `Yams.compose` returned.
    init(_ node: Node) {
        let location = Location(line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        switch node {
        case .scalar(let s):
            self = .scalar(Scalar(text: s.string, style: s.style, tag: Tag.Name(rawValue: s.tag.rawValue), location: location))
        case .sequence(let items):
            self = .sequence(items.map(YAMLNode.init), location)
        case .mapping(let pairs):
            self = .mapping(pairs.map { (YAMLNode($0.key), YAMLNode($0.value)) }, location)
        case .alias:
            self = .scalar(Scalar(text: "", style: .any, tag: .implicit, location: location))
        }
    }
}
