/// Renders parsed templates into UTF-8 bytes with the semantics of swift-mustache 2.x: lookups climb the context
/// stack, only a missing value, `false` and an empty list are falsy, lists render once per item with `first()`,
/// `last()`, `index()`, `even()` and `odd()` available, and standalone partials and blocks indent each line.
///
/// Values a template cannot print (lists and objects) render as nothing.
struct TemplateRenderer: ~Copyable {
    let program: TemplateProgram
    /// The rendered bytes not yet flushed.
    private var buffer = ByteBuffer()
    /// Takes the output so far when it has grown past `flushLimit` and nothing in it can change any more (between
    /// the items of a list, outside indented partials), which is then dropped. Keeps big pages out of memory.
    var flush: ((UnsafeRawBufferPointer) -> Void)?
    var flushLimit = 1 << 20
    private var stack: [TemplateValue] = []
    /// How many renders with indentation are under way: their output may still get indentation inserted.
    private var indented = 0
    private let instructions: UnsafeMutableBufferPointer<TemplateProgram.Instruction>
    private let names: UnsafeMutableBufferPointer<TemplateProgram.Name>
    private let parts: UnsafeMutableBufferPointer<String>
    private let keys: UnsafeMutableBufferPointer<TemplateKey>
    private let transforms: UnsafeMutableBufferPointer<TemplateTransform>
    private let bytes: UnsafeMutableBufferPointer<UInt8>

    /// The position of the current item in the list being rendered.
    private struct ListPosition {
        var index: Int
        var isLast: Bool

        func transformed(_ transform: TemplateTransform) -> TemplateValue? {
            switch transform {
            case .first: return .flag(index == 0)
            case .last: return .flag(isLast)
            case .index: return .number(index)
            case .even: return .flag(index & 1 == 0)
            case .odd: return .flag(index & 1 == 1)
            default: return nil
            }
        }
    }

    /// What a template renders within, besides the context stack, the indentation and the inherited blocks (which
    /// only partials and blocks change, so they are the renderer's own state, saved and restored around them).
    private struct Frame {
        var position: ListPosition?
        var escapes = true
    }

    /// The indentation of the partials and blocks being rendered.
    private var indentation: [UInt8]?
    /// The blocks inherited by the partials being rendered: their instructions in the program.
    private var inherited: [String: Range<Int32>]?

    /// The current indentation followed by the program's indentation `extra` (-1: none).
    private func indented(_ extra: Int32) -> [UInt8]? {
        guard extra >= 0 else { return indentation }
        return (indentation ?? []) + program.indentations[Int(extra)]
    }

    init(program: TemplateProgram) {
        self.program = program
        instructions = program.instructions
        names = program.names
        parts = program.parts
        keys = program.keys
        transforms = program.transforms
        bytes = program.bytes
    }

    init(library: [String: [TemplateNode]]) {
        self.init(program: TemplateProgram(library))
    }

    /// The rendered bytes not yet flushed.
    var output: [UInt8] { Array(buffer.bytes) }

    /// Gives what is not yet flushed to `flush`, and drops it.
    mutating func flushAll() {
        flush?(buffer.bytes)
        buffer.removeAll()
    }

    /// Appends the template `name` rendered with `context` to `output`; an unknown name renders nothing.
    mutating func render(_ name: String, _ context: TemplateObject) {
        guard let range = program.templates[name] else { return }
        stack = [.object(context)]
        (indentation, inherited) = (nil, nil)
        render(range, Frame())
        stack = []
    }

    /// Renders the instructions in `range`, each followed by the one its `next` names.
    private mutating func render(_ range: Range<Int32>, _ frame: Frame) {
        var frame = frame
        var i = Int(range.lowerBound)
        let end = Int(range.upperBound)
        guard let indentation, !indentation.isEmpty else {
            while i < end {
                let instruction = instructions[i]
                // The two most frequent instructions are done here, without the call.
                if instruction.code == .text {
                    text(instruction)
                } else if instruction.code == .variable {
                    variable(instruction, frame)
                } else {
                    render(at: i, &frame)
                }
                i = Int(instruction.next)
            }
            return
        }
        indented += 1
        defer { indented -= 1 }
        let start = buffer.count
        while i < end {
            let before = buffer.count
            render(at: i, &frame)
            if buffer.count > before, endsWithNewline(from: start, to: before) {
                buffer.insert(indentation, at: before)
            }
            i = Int(instructions[i].next)
        }
    }

    /// Whether `buffer[start..<end]` ends with a "\n" that is not part of "\r\n".
    private func endsWithNewline(from start: Int, to end: Int) -> Bool {
        guard end > start, buffer[end - 1] == UInt8(ascii: "\n") else { return false }
        return end - 1 == start || buffer[end - 2] != UInt8(ascii: "\r")
    }

    private mutating func render(at i: Int, _ frame: inout Frame) {
        let instruction = instructions[i]
        let body = Int32(i + 1)..<instruction.next
        switch instruction.code {
        case .text:
            text(instruction)
        case .variable:
            variable(instruction, frame)
        case .section:
            switch lookup(instruction.a, frame) {
            case .list(let items)?:
                for (i, item) in items.enumerated() {
                    var inner = frame
                    inner.position = ListPosition(index: i, isLast: i == items.count - 1)
                    stack.append(item)
                    render(body, inner)
                    stack.removeLast()
                }
            case .objects(let items)?:
                for (i, item) in items.enumerated() {
                    var inner = frame
                    inner.position = ListPosition(index: i, isLast: i == items.count - 1)
                    stack.append(.object(item))
                    render(body, inner)
                    stack.removeLast()
                }
            case .lazyObjects(let count, let item)?:
                for i in 0..<count {
                    if flush != nil, indented == 0, buffer.count >= flushLimit { flushAll() }
                    var inner = frame
                    inner.position = ListPosition(index: i, isLast: i == count - 1)
                    stack.append(.object(item(i)))
                    render(body, inner)
                    stack.removeLast()
                }
            case .flag(let on)?:
                if on { render(body, frame) }
            case let value?:
                push(value, body, frame)
            case nil:
                break
            }
        case .invertedSection:
            switch lookup(instruction.a, frame) {
            case .list(let items)? where items.isEmpty:
                push(.list(items), body, frame)
            case .objects(let items)? where items.isEmpty:
                push(.objects(items), body, frame)
            case .lazyObjects(let count, let item)? where count == 0:
                push(.lazyObjects(count: count, item: item), body, frame)
            case .flag(false)?, nil:
                render(body, frame)
            default:
                break
            }
        case .block:
            let saved = indentation
            indentation = indented(instruction.b)
            render(inherited?[program.strings[Int(instruction.a)]] ?? body, Frame(position: nil, escapes: frame.escapes))
            indentation = saved
        case .partial:
            let name: String
            if instruction.flag {
                guard let named = lookup(instruction.a, frame)?.string else { return }
                name = named
            } else {
                name = program.strings[Int(instruction.a)]
            }
            guard let range = program.templates[name] else { return }
            let saved = (indentation: indentation, inherited: inherited)
            if instruction.c >= 0 {
                let inherits = program.inherits[Int(instruction.c)]
                inherited = saved.inherited.map { $0.merging(inherits) { outer, _ in outer } } ?? inherits
            }
            indentation = indented(instruction.b)
            render(range, Frame())
            (indentation, inherited) = saved
        case .contentType:
            frame.escapes = instruction.flag
        case .blockDefinition:
            break
        }
    }

    @inline(__always)
    private mutating func text(_ instruction: TemplateProgram.Instruction) {
        buffer.append(UnsafeRawBufferPointer(start: bytes.baseAddress! + Int(instruction.a), count: Int(instruction.b)))
    }

    @inline(__always)
    private mutating func variable(_ instruction: TemplateProgram.Instruction, _ frame: Frame) {
        if let value = lookup(instruction.a, frame) { write(value, escaped: instruction.flag && frame.escapes) }
    }

    private mutating func push(_ value: TemplateValue, _ body: Range<Int32>, _ frame: Frame) {
        var inner = frame
        inner.position = nil
        stack.append(value)
        render(body, inner)
        stack.removeLast()
    }

    /// The value `names[index]` names, with its transforms applied.
    private func lookup(_ index: Int32, _ frame: Frame) -> TemplateValue? {
        let name = names[Int(index)]
        if name.start == .stack, name.count <= 2, name.count > 0, name.transformCount == 0 {
            // Most tags name one value, or one inside another, without transforms: found here without the general
            // path's steps.
            let part = Int(name.path)
            return stack.withUnsafeBufferPointer { stack in
                var i = stack.count - 1
                while i >= 0 {
                    if case .object(let object) = stack[i] {
                        if name.count == 1 {
                            if let value = object.field(keys[part]) { return value }
                        } else if let inner = object.nested(keys[part]) {
                            return inner?.field(keys[part + 1])
                        }
                    }
                    i -= 1
                }
                return nil
            }
        }
        var value: TemplateValue?
        var transform = Int(name.transforms)
        let transformsEnd = transform + Int(name.transformCount)
        switch name.start {
        case .position:
            guard let position = frame.position, transform < transformsEnd else { return nil }
            value = position.transformed(transforms[transform])
            transform += 1
        case .current:
            value = descend(name, from: 0, stack.last)
        case .stack:
            guard name.count > 0 else {
                value = stack.last
                break
            }
            let first = Int(name.path)
            var i = stack.count - 1
            while i >= 0 {
                if let child = stack[i].child(keys[first]) {
                    value = name.count == 1 ? child : descend(name, from: 1, child)
                    break
                }
                i -= 1
            }
        }
        while transform < transformsEnd {
            value = value?.transformed(transforms[transform])
            transform += 1
        }
        return value
    }

    /// Follows `name`'s path from its `start`th name on.
    private func descend(_ name: TemplateProgram.Name, from start: Int, _ value: TemplateValue?) -> TemplateValue? {
        var value = value
        for i in Int(name.path) + start..<Int(name.path + name.count) { value = value?.child(keys[i]) }
        return value
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let s):
            if escaped { HTMLEscape.append(s, to: &buffer) } else { buffer.append(s) }
        case .safeText(let s):
            buffer.append(s)
        case .number(let n):
            buffer.append(String(n))
        case .flag(let b):
            buffer.append(b ? "true" : "false")
        case .list, .object, .objects, .lazyObjects:
            break
        }
    }
}

/// Escapes text for HTML as Mustache does: `<`, `>`, `&`, `"` and `'`.
enum HTMLEscape {
    /// Bit `b` is set for each byte `b` below 64 that needs escaping.
    private static let special: UInt64 = 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62

    static func append(_ text: String, to output: inout ByteBuffer) {
        text.withUTF8Bytes { append($0, to: &output) }
    }

    /// Whether escaping `text` would leave it as it is.
    static func leavesAsIs(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return true }
            return nextSpecial(base, from: 0, count: bytes.count) == bytes.count
        }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var run = 0
        while true {
            let i = nextSpecial(base, from: run, count: count)
            output.append(UnsafeRawBufferPointer(start: base + run, count: i - run))
            guard i < count else { return }
            let replacement: StaticString
            switch base[i] {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: replacement = "&#39;"
            }
            output.append(UnsafeRawBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            run = i + 1
        }
    }

    /// Where the first byte at or after `start` that escaping replaces is; `count` when there is none.
    @inline(__always)
    private static func nextSpecial(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var i = start
        while i < count {
            // Eight bytes at a time while none of them needs escaping.
            if i + 8 <= count, !mayNeedEscaping(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            if base[i] < 64, special & (1 << UInt64(base[i])) != 0 { return i }
            i += 1
        }
        return count
    }

    /// Whether any of the eight bytes in `word` is one of `<>&"'`.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        WordScan.has(word, 0x3C) | WordScan.has(word, 0x3E) | WordScan.has(word, 0x26) | WordScan.has(word, 0x22)
            | WordScan.has(word, 0x27) != 0
    }
}
