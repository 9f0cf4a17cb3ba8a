/// Parsed templates flattened into one array of plain instructions, so that rendering walks indices instead of
/// copying tree nodes (each copy of an `indirect enum` node and of its payload costs a retain and a release).
///
/// Every instruction says where the next one is: a section's, a block's or an inheriting partial's body lies
/// between the instruction and its `next`.
final class TemplateProgram: @unchecked Sendable {
    enum Code: UInt8 {
        /// `bytes[a ..< a + b]`.
        case text
        /// `names[a]`, escaped when `flag`.
        case variable
        /// `names[a]`; the body follows.
        case section
        /// `names[a]`; the body follows, rendered when the value is missing, false or an empty list.
        case invertedSection
        /// `{{$name}}` inside `{{<partial}}`: rendered only as an inherited block.
        case blockDefinition
        /// `strings[a]`, indented by `indentations[b]` (-1: none); the default body follows.
        case block
        /// `strings[a]`, or the text `names[a]` names when `flag`, indented by `indentations[b]`, inheriting
        /// `inherits[c]` (-1: none), whose bodies follow.
        case partial
        /// Escaping on when `flag`.
        case contentType
    }

    /// One piece of text or tag: `flag`, `a`, `b` and `c` mean what its `code` says; `next` is the index of the
    /// instruction after it and its body.
    struct Instruction {
        var code: Code
        var flag = false
        var a: Int32 = 0
        var b: Int32 = -1
        var c: Int32 = -1
        var next: Int32 = 0
    }

    /// A tag's name (see `TemplateName`): its path is `parts[path ..< path + count]`, its transforms (innermost
    /// first) `parts[transforms ..< transforms + transformCount]`.
    struct Name {
        var start: TemplateName.Start
        var path: Int32
        var count: Int32
        var transforms: Int32
        var transformCount: Int32
    }

    /// Stable storage, so that a renderer reads instructions, texts and names through pointers without retaining.
    let instructions: UnsafeMutableBufferPointer<Instruction>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let names: UnsafeMutableBufferPointer<Name>
    /// The names in names' paths and transforms, their keys, and the transforms they name.
    let parts: UnsafeMutableBufferPointer<String>
    let keys: UnsafeMutableBufferPointer<TemplateKey>
    let transforms: UnsafeMutableBufferPointer<TemplateTransform>
    let strings: [String]
    let indentations: [[UInt8]]
    /// The blocks an inheriting partial replaces: name → the range of the replacement's instructions.
    let inherits: [[String: Range<Int32>]]
    /// Each template's instructions.
    let templates: [String: Range<Int32>]

    init(_ library: [String: [TemplateNode]]) {
        var builder = Builder()
        var templates: [String: Range<Int32>] = [:]
        for name in library.keys.sorted() { templates[name] = builder.emit(library[name]!) }
        self.templates = templates
        instructions = .allocate(capacity: builder.instructions.count)
        _ = instructions.initialize(from: builder.instructions)
        bytes = .allocate(capacity: builder.bytes.count)
        _ = bytes.initialize(from: builder.bytes)
        names = .allocate(capacity: builder.names.count)
        _ = names.initialize(from: builder.names)
        parts = .allocate(capacity: builder.parts.count)
        _ = parts.initialize(from: builder.parts)
        keys = .allocate(capacity: builder.parts.count)
        _ = keys.initialize(from: builder.parts.map { TemplateKey($0) })
        transforms = .allocate(capacity: builder.parts.count)
        _ = transforms.initialize(from: builder.parts.map { TemplateTransform(rawValue: $0) ?? .unknown })
        strings = builder.strings
        indentations = builder.indentations
        inherits = builder.inherits
    }

    deinit {
        instructions.deallocate()
        bytes.deallocate()
        names.deallocate()
        parts.deinitialize().deallocate()
        keys.deallocate()
        transforms.deallocate()
    }
}

extension TemplateProgram {
    /// Collects the instructions and their tables as templates are flattened, depth first.
    private struct Builder {
        var instructions: [Instruction] = []
        var bytes: [UInt8] = []
        var names: [Name] = []
        var parts: [String] = []
        var strings: [String] = []
        var indentations: [[UInt8]] = []
        var inherits: [[String: Range<Int32>]] = []

        @discardableResult
        mutating func emit(_ nodes: [TemplateNode]) -> Range<Int32> {
            let start = Int32(instructions.count)
            for node in nodes { emit(node) }
            return start..<Int32(instructions.count)
        }

        mutating func emit(_ node: TemplateNode) {
            let at = instructions.count
            let instruction: Instruction
            switch node {
            case .text(let text):
                instruction = Instruction(code: .text, a: Int32(bytes.count), b: Int32(text.count))
                bytes += text
            case .variable(let name, let escaped):
                instruction = Instruction(code: .variable, flag: escaped, a: add(name))
            case .section(let name, _):
                instruction = Instruction(code: .section, a: add(name))
            case .invertedSection(let name, _):
                instruction = Instruction(code: .invertedSection, a: add(name))
            case .blockDefinition:
                instruction = Instruction(code: .blockDefinition)
            case .block(let name, _, let indentation):
                instruction = Instruction(code: .block, a: add(name), b: add(indentation))
            case .partial(let name, let dynamic, let indentation, let inherits):
                instruction = Instruction(code: .partial, flag: dynamic,
                                          a: dynamic ? add(TemplateName(name, transforms: [])) : add(name), b: add(indentation),
                                          c: inherits == nil ? -1 : Int32(self.inherits.count))
                if inherits != nil { self.inherits.append([:]) }
            case .contentType(let escapes):
                instruction = Instruction(code: .contentType, flag: escapes)
            }
            instructions.append(instruction)
            switch node {
            case .section(_, let body), .invertedSection(_, let body), .block(_, let body, _):
                emit(body)
            case .partial(_, _, _, let inherits?):
                let table = Int(instructions[at].c)
                for name in inherits.keys.sorted() { self.inherits[table][name] = emit(inherits[name]!) }
            default:
                break
            }
            instructions[at].next = Int32(instructions.count)
        }

        mutating func add(_ name: TemplateName) -> Int32 {
            names.append(Name(start: name.start, path: Int32(parts.count), count: Int32(name.path.count),
                              transforms: Int32(parts.count + name.path.count), transformCount: Int32(name.transforms.count)))
            parts += name.path + name.transforms
            return Int32(names.count - 1)
        }

        mutating func add(_ string: String) -> Int32 {
            strings.append(string)
            return Int32(strings.count - 1)
        }

        mutating func add(_ indentation: [UInt8]?) -> Int32 {
            guard let indentation else { return -1 }
            indentations.append(indentation)
            return Int32(indentations.count - 1)
        }
    }
}
