import Foundation
import Yams

/// Composes the block-style YAML that front matter nearly always is, without libyaml.
///
/// Yams spent most of a build's parse time on tag-resolution regexes, duplicate-key hashing and per-event objects;
/// libyaml alone scans at about 30 MB/s. This reads one line at a time and accepts only a subset whose meaning is
/// unambiguous: block mappings with simple keys, block sequences (also indentless), single-line plain, single- and
/// double-quoted scalars (`\"` and `\\` the only escapes), single-line flow sequences of simple items, and comment
/// or blank lines. The table's nodes are the ones `Yams.compose` returns for the same text: same strings, styles, tags
/// and locations. Anything else (anchors, tags, block scalars, multi-line scalars, trailing comments, empty values, duplicate
/// keys, tabs, any error) returns nil and is left to Yams, which also reports the errors.
enum SimpleYAML {
    static func compose(_ text: String) -> YAMLTable? {
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
        /// The nodes so far; a plain or unescaped scalar's text is where it is in the YAML, which the table copies.
        let table: YAMLTable

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            table = YAMLTable(bytes: Array(bytes))
        }

        mutating func document() -> YAMLTable? {
            do {
                try splitLines()
                guard !lines.isEmpty else { return nil }
                try mapping(indent: lines[0].indent)
                guard i == lines.count else { return nil }
                table.complete()
                return table
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

        /// The 1-based line and column of `position`.
        func mark(_ line: Line, _ position: Int) -> (line: Int, column: Int) {
            var column = 1
            for k in line.start..<position where bytes[k] & 0xC0 != 0x80 { column += 1 }
            return (line.number, column)
        }

        /// Adds a scalar whose text is the table's `bytes[from..<to]` (where the YAML's own bytes keep their offsets).
        func scalar(_ from: Int, _ to: Int, style: Node.Scalar.Style, tag: UInt32, at mark: (line: Int, column: Int)) {
            table.scalar(style: style, tag: tag, line: mark.line, column: mark.column, start: from, count: to - from)
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
        mutating func mapping(indent: Int) throws {
            let first = lines[i]
            let mark = mark(first, first.start + indent)
            let container = table.open(.mapping, line: mark.line, column: mark.column)
            var keys: [Range<Int>] = []
            keys.reserveCapacity(16)
            while i < lines.count, lines[i].indent == indent {
                let line = lines[i]
                let keyStart = line.start + indent
                guard let colon = keyEnd(line, keyStart) else { throw Unsupported() }
                for other in keys where other.count == colon - keyStart
                    && memcmp(bytes.baseAddress! + other.lowerBound, bytes.baseAddress! + keyStart, other.count) == 0 {
                    throw Unsupported()
                }
                keys.append(keyStart..<colon)
                scalar(keyStart, colon, style: .plain, tag: YAMLTable.noTag, at: self.mark(line, keyStart))
                var valueStart = colon + 1
                while valueStart < line.end, bytes[valueStart] == 0x20 { valueStart += 1 }
                if valueStart == line.end {
                    i += 1
                    guard i < lines.count else { throw Unsupported() }
                    if lines[i].indent > indent {
                        try block(indent: lines[i].indent)
                    } else if lines[i].indent == indent, isEntry(lines[i]) {
                        try sequence(indent: indent)
                    } else {
                        throw Unsupported()
                    }
                } else {
                    try inline(line, valueStart)
                    i += 1
                    if i < lines.count, lines[i].indent > indent { throw Unsupported() }
                }
            }
            table.close(container)
        }

        mutating func block(indent: Int) throws {
            if isEntry(lines[i]) { try sequence(indent: indent) } else { try mapping(indent: indent) }
        }

        /// A block sequence whose dashes are at column `indent`.
        mutating func sequence(indent: Int) throws {
            let mark = mark(lines[i], lines[i].start + indent)
            let container = table.open(.sequence, line: mark.line, column: mark.column)
            while i < lines.count, lines[i].indent == indent, isEntry(lines[i]) {
                let line = lines[i]
                var content = line.start + indent + 1
                while content < line.end, bytes[content] == 0x20 { content += 1 }
                guard content < line.end else { throw Unsupported() }
                if keyEnd(line, content) != nil {
                    let column = content - line.start
                    lines[i].indent = column
                    try mapping(indent: column)
                } else {
                    try inline(line, content)
                    i += 1
                    if i < lines.count, lines[i].indent > indent { throw Unsupported() }
                }
            }
            table.close(container)
        }

        /// A value that fills the rest of the line.
        func inline(_ line: Line, _ start: Int) throws {
            switch bytes[start] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                try expectEnd(line, try quoted(line, start))
            case UInt8(ascii: "["):
                try flowSequence(line, start)
            default:
                try plain(line, start)
            }
        }

        /// Where the first `a` or `b` in `bytes[from..<to]` is; `to` when there is none.
        func firstOf(_ a: UInt8, _ b: UInt8, from: Int, to: Int) -> Int {
            var k = from
            // Eight bytes at a time while none of them is either.
            while k + 8 <= to {
                let word = UnsafeRawPointer(bytes.baseAddress! + k).loadUnaligned(as: UInt64.self)
                if WordScan.has(word, a) | WordScan.has(word, b) != 0 { break }
                k += 8
            }
            while k < to, bytes[k] != a, bytes[k] != b { k += 1 }
            return k
        }

        func expectEnd(_ line: Line, _ position: Int) throws {
            var k = position
            while k < line.end, bytes[k] == 0x20 { k += 1 }
            guard k == line.end else { throw Unsupported() }
        }

        /// A plain scalar up to the end of the line, without anything that would make it end early or mean more.
        func plain(_ line: Line, _ start: Int) throws {
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
            scalar(start, end, style: .plain, tag: YAMLTable.noTag, at: mark(line, start))
        }

        /// A quoted scalar closed on the same line; returns the position after the closing quote.
        func quoted(_ line: Line, _ start: Int) throws -> Int {
            let quote = bytes[start]
            let style: Node.Scalar.Style = quote == UInt8(ascii: "\"") ? .doubleQuoted : .singleQuoted
            var k = firstOf(quote, UInt8(ascii: "\\"), from: start + 1, to: line.end)
            if k < line.end, bytes[k] == quote, k + 1 == line.end || bytes[k + 1] != quote {
                // No escape: the text is the bytes between the quotes.
                scalar(start + 1, k, style: style, tag: YAMLTable.strTag, at: mark(line, start))
                return k + 1
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
            let from = table.append(bytes: text)
            scalar(from, from + text.count, style: style, tag: YAMLTable.strTag, at: mark(line, start))
            return k + 1
        }

        /// `[a, b, "c"]` on one line; plain items are letters, digits and `.`, `_`, `-`, `/`.
        func flowSequence(_ line: Line, _ start: Int) throws {
            let mark = mark(line, start)
            let container = table.open(.sequence, line: mark.line, column: mark.column)
            var k = start + 1
            func skipSpaces() { while k < line.end, bytes[k] == 0x20 { k += 1 } }
            skipSpaces()
            if k < line.end, bytes[k] == UInt8(ascii: "]") {
                try expectEnd(line, k + 1)
                table.close(container)
                return
            }
            while true {
                guard k < line.end else { throw Unsupported() }
                if bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                    k = try quoted(line, k)
                } else {
                    let itemStart = k
                    while k < line.end, Self.isKeyCharacter(bytes[k]) || bytes[k] == UInt8(ascii: ".") || bytes[k] == UInt8(ascii: "/") {
                        k += 1
                    }
                    guard k > itemStart, bytes[itemStart] != UInt8(ascii: "-") else { throw Unsupported() }
                    scalar(itemStart, k, style: .plain, tag: YAMLTable.noTag, at: self.mark(line, itemStart))
                }
                skipSpaces()
                guard k < line.end else { throw Unsupported() }
                if bytes[k] == UInt8(ascii: "]") {
                    try expectEnd(line, k + 1)
                    table.close(container)
                    return
                }
                guard bytes[k] == UInt8(ascii: ",") else { throw Unsupported() }
                k += 1
                skipSpaces()
            }
        }
    }
}
