import Foundation
import Yams

/// Composes the block-style YAML that front matter nearly always is, without libyaml.
///
/// Yams spent most of a build's parse time on tag-resolution regexes, duplicate-key hashing and per-event objects;
/// libyaml alone scans at about 30 MB/s. This reads one line at a time and accepts only a subset whose meaning is
/// unambiguous: block mappings with simple keys, block sequences (also indentless), single-line plain, single- and
/// double-quoted scalars (`\"` and `\\` the only escapes), single-line flow sequences of simple items, and comment
/// or blank lines. The nodes are the ones `Yams.compose` returns for the same text: same strings, styles, tags and
/// locations. Anything else (anchors, tags, block scalars, multi-line scalars, trailing comments, empty values, duplicate
/// keys, tabs, any error) returns nil and is left to Yams, which also reports the errors.
enum SimpleYAML {
    static func compose(_ text: String) -> YAMLNode? {
        text.withUTF8Bytes { bytes in
            var parser = Parser(bytes)
            return parser.document()
        }
    }

    /// Bails out of the subset.
    private struct Unsupported: Error {}

    private struct Line {
        var start: Int
        /// Column of the first character, 0-based.
        var indent: Int
        var end: Int
        /// 1-based.
        var number: Int
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var lines: [Line] = []
        var i = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func document() -> YAMLNode? {
            do {
                try splitLines()
                guard !lines.isEmpty else { return nil }
                let root = try mapping(indent: lines[0].indent)
                return i == lines.count ? root : nil
            } catch {
                return nil
            }
        }

        /// The lines with content; rejects characters libyaml would reject or that need its full rules.
        mutating func splitLines() throws {
            guard let base = bytes.baseAddress else { return }
            var start = 0
            var number = 1
            while start < bytes.count {
                let end = memchr(base + start, 0x0A, bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    ?? bytes.count
                try check(start, end)
                var indent = start
                while indent < end, bytes[indent] == 0x20 { indent += 1 }
                if indent < end, bytes[indent] != UInt8(ascii: "#") {
                    lines.append(Line(start: start, indent: indent - start, end: end, number: number))
                }
                start = end + 1
                number += 1
            }
        }

        /// Control characters (tabs included), DEL, C1 controls, the line breaks NEL, LS and PS, BOM, U+FFFE and U+FFFF.
        func check(_ from: Int, _ to: Int) throws {
            var k = from
            while k < to {
                // Eight printable ASCII bytes at a time: none below 0x20 (the borrow test), none from 0x7F up.
                if k + 8 <= to {
                    let w = UnsafeRawPointer(bytes.baseAddress! + k).loadUnaligned(as: UInt64.self)
                    let below = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                    let above = (w | (w &+ 0x0101_0101_0101_0101)) & 0x8080_8080_8080_8080
                    if below | above == 0 {
                        k += 8
                        continue
                    }
                }
                let b = bytes[k]
                if b >= 0x20 && b < 0x7F {
                    k += 1
                    continue
                }
                if b < 0x20 || b == 0x7F { throw Unsupported() }
                if b == 0xC2, k + 1 < to, (0x80...0x9F).contains(bytes[k + 1]) { throw Unsupported() }
                if b == 0xE2, k + 2 < to, bytes[k + 1] == 0x80, bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9 { throw Unsupported() }
                if b == 0xEF, k + 2 < to, (bytes[k + 1] == 0xBB && bytes[k + 2] == 0xBF)
                    || (bytes[k + 1] == 0xBF && (bytes[k + 2] == 0xBE || bytes[k + 2] == 0xBF)) { throw Unsupported() }
                k += 1
            }
        }

        func mark(_ line: Line, _ position: Int) -> YAMLNode.Location {
            var column = 1
            for k in line.start..<position where bytes[k] & 0xC0 != 0x80 { column += 1 }
            return YAMLNode.Location(line: line.number, column: column)
        }

        func string(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        }

        static func isKeyCharacter(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
        }

        /// The end of a simple key starting at `position` and followed by `:` and a space or the end of the line.
        func keyEnd(_ line: Line, _ position: Int) -> Int? {
            var k = position
            while k < line.end, Self.isKeyCharacter(bytes[k]) { k += 1 }
            guard k > position, k < line.end, bytes[k] == UInt8(ascii: ":"), k + 1 == line.end || bytes[k + 1] == 0x20 else {
                return nil
            }
            return k
        }

        func isEntry(_ line: Line) -> Bool {
            let dash = line.start + line.indent
            return bytes[dash] == UInt8(ascii: "-") && (dash + 1 == line.end || bytes[dash + 1] == 0x20)
        }

        /// A block mapping whose keys start at column `indent` of the current line and the lines after it.
        mutating func mapping(indent: Int) throws -> YAMLNode {
            let first = lines[i]
            let mark = mark(first, first.start + indent)
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var keys: [Range<Int>] = []
            pairs.reserveCapacity(8)
            keys.reserveCapacity(8)
            while i < lines.count, lines[i].indent == indent {
                let line = lines[i]
                let keyStart = line.start + indent
                guard let colon = keyEnd(line, keyStart) else { throw Unsupported() }
                let key = string(keyStart, colon)
                for other in keys where other.count == colon - keyStart
                    && memcmp(bytes.baseAddress! + other.lowerBound, bytes.baseAddress! + keyStart, other.count) == 0 {
                    throw Unsupported()
                }
                keys.append(keyStart..<colon)
                let keyNode = YAMLNode.scalar(.init(text: key, style: .plain, tag: .implicit, location: self.mark(line, keyStart)))
                var valueStart = colon + 1
                while valueStart < line.end, bytes[valueStart] == 0x20 { valueStart += 1 }
                let value: YAMLNode
                if valueStart == line.end {
                    i += 1
                    guard i < lines.count else { throw Unsupported() }
                    if lines[i].indent > indent {
                        value = try block(indent: lines[i].indent)
                    } else if lines[i].indent == indent, isEntry(lines[i]) {
                        value = try sequence(indent: indent)
                    } else {
                        throw Unsupported()
                    }
                } else {
                    value = try inline(line, valueStart)
                    i += 1
                    if i < lines.count, lines[i].indent > indent { throw Unsupported() }
                }
                pairs.append((keyNode, value))
            }
            return .mapping(pairs, mark)
        }

        mutating func block(indent: Int) throws -> YAMLNode {
            isEntry(lines[i]) ? try sequence(indent: indent) : try mapping(indent: indent)
        }

        /// A block sequence whose dashes are at column `indent`.
        mutating func sequence(indent: Int) throws -> YAMLNode {
            let mark = mark(lines[i], lines[i].start + indent)
            var items: [YAMLNode] = []
            while i < lines.count, lines[i].indent == indent, isEntry(lines[i]) {
                let line = lines[i]
                var content = line.start + indent + 1
                while content < line.end, bytes[content] == 0x20 { content += 1 }
                guard content < line.end else { throw Unsupported() }
                if keyEnd(line, content) != nil {
                    let column = content - line.start
                    lines[i].indent = column
                    items.append(try mapping(indent: column))
                } else {
                    items.append(try inline(line, content))
                    i += 1
                    if i < lines.count, lines[i].indent > indent { throw Unsupported() }
                }
            }
            return .sequence(items, mark)
        }

        /// A value that fills the rest of the line.
        func inline(_ line: Line, _ start: Int) throws -> YAMLNode {
            switch bytes[start] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let (node, end) = try quoted(line, start)
                try expectEnd(line, end)
                return node
            case UInt8(ascii: "["):
                return try flowSequence(line, start)
            default:
                return try plain(line, start)
            }
        }

        func expectEnd(_ line: Line, _ position: Int) throws {
            var k = position
            while k < line.end, bytes[k] == 0x20 { k += 1 }
            guard k == line.end else { throw Unsupported() }
        }

        /// A plain scalar up to the end of the line, without anything that would make it end early or mean more.
        func plain(_ line: Line, _ start: Int) throws -> YAMLNode {
            switch bytes[start] {
            case UInt8(ascii: "-"):
                guard start + 1 < line.end, (0x30...0x39).contains(bytes[start + 1]) else { throw Unsupported() }
            case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                 UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                 UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                throw Unsupported()
            default:
                break
            }
            var end = line.end
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            guard bytes[end - 1] != UInt8(ascii: ":") else { throw Unsupported() }
            for k in start..<(end - 1) {
                if bytes[k] == UInt8(ascii: ":") && bytes[k + 1] == 0x20 { throw Unsupported() }
                if bytes[k] == 0x20 && bytes[k + 1] == UInt8(ascii: "#") { throw Unsupported() }
            }
            return .scalar(.init(text: string(start, end), style: .plain, tag: .implicit, location: mark(line, start)))
        }

        /// A quoted scalar closed on the same line; returns it and the position after the closing quote.
        func quoted(_ line: Line, _ start: Int) throws -> (YAMLNode, Int) {
            let quote = bytes[start]
            let style: Node.Scalar.Style = quote == UInt8(ascii: "\"") ? .doubleQuoted : .singleQuoted
            var k = start + 1
            while k < line.end, bytes[k] != quote, bytes[k] != UInt8(ascii: "\\") { k += 1 }
            if k < line.end, bytes[k] == quote, k + 1 == line.end || bytes[k + 1] != quote {
                // No escape: the text is the bytes between the quotes.
                return (.scalar(.init(text: string(start + 1, k), style: style, tag: .str, location: mark(line, start))), k + 1)
            }
            var text: [UInt8] = []
            k = start + 1
            while true {
                guard k < line.end else { throw Unsupported() }
                let b = bytes[k]
                if b == quote {
                    if quote == UInt8(ascii: "'"), k + 1 < line.end, bytes[k + 1] == quote {
                        text.append(quote)
                        k += 2
                        continue
                    }
                    break
                }
                if quote == UInt8(ascii: "\""), b == UInt8(ascii: "\\") {
                    guard k + 1 < line.end, bytes[k + 1] == UInt8(ascii: "\"") || bytes[k + 1] == UInt8(ascii: "\\") else {
                        throw Unsupported()
                    }
                    text.append(bytes[k + 1])
                    k += 2
                    continue
                }
                text.append(b)
                k += 1
            }
            let value = String(decoding: text, as: UTF8.self)
            return (.scalar(.init(text: value, style: style, tag: .str, location: mark(line, start))), k + 1)
        }

        /// `[a, b, "c"]` on one line; plain items are letters, digits and `.`, `_`, `-`, `/`.
        func flowSequence(_ line: Line, _ start: Int) throws -> YAMLNode {
            var items: [YAMLNode] = []
            var k = start + 1
            func skipSpaces() { while k < line.end, bytes[k] == 0x20 { k += 1 } }
            skipSpaces()
            if k < line.end, bytes[k] == UInt8(ascii: "]") {
                try expectEnd(line, k + 1)
                return .sequence([], mark(line, start))
            }
            while true {
                guard k < line.end else { throw Unsupported() }
                if bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                    let (node, end) = try quoted(line, k)
                    items.append(node)
                    k = end
                } else {
                    let itemStart = k
                    while k < line.end, Self.isKeyCharacter(bytes[k]) || bytes[k] == UInt8(ascii: ".") || bytes[k] == UInt8(ascii: "/") {
                        k += 1
                    }
                    guard k > itemStart, bytes[itemStart] != UInt8(ascii: "-") else { throw Unsupported() }
                    items.append(.scalar(.init(text: string(itemStart, k), style: .plain, tag: .implicit, location: mark(line, itemStart))))
                }
                skipSpaces()
                guard k < line.end else { throw Unsupported() }
                if bytes[k] == UInt8(ascii: "]") {
                    try expectEnd(line, k + 1)
                    return .sequence(items, mark(line, start))
                }
                guard bytes[k] == UInt8(ascii: ",") else { throw Unsupported() }
                k += 1
                skipSpaces()
            }
        }
    }
}
