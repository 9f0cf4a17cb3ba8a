import Ccmark
import Foundation

/// An `actor:`, `proposal:`, `source:` or `page:` link found in Markdown, with where it was written in the file.
public struct CrossReference: Hashable, Sendable {
    public var kind: BriefKind
    public var slug: String
    public var fragment: String?
    public var line: Int
    public var column: Int

    /// Parses `actor:giorgia-meloni#positions`; nil for any other URL.
    init?(url: String, line: Int, column: Int) {
        guard let (kind, slug, fragment) = url.utf8.allSatisfy({ $0 < 0x80 }) ? Self.parseASCII(url) : Self.parse(url) else {
            return nil
        }
        self.kind = kind
        self.slug = slug
        self.fragment = fragment
        self.line = line
        self.column = column
    }

    /// The URL read as Characters, as written: a ':' or '#' that a combining mark joins is not a separator.
    private static func parse(_ url: String) -> (BriefKind, String, String?)? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let kind = BriefKind.allCases.first(where: { $0.rawValue == scheme }) else { return nil }
        var rest = url[url.index(after: colon)...]
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        return (kind, String(rest), fragment)
    }

    /// The same for an ASCII URL, where bytes are Characters: read as bytes, without indices into the string.
    private static func parseASCII(_ url: String) -> (BriefKind, String, String?)? {
        url.withUTF8Bytes { bytes in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
                  let kind = BriefKind.allCases.first(where: { $0.rawValue.utf8.elementsEqual(bytes[..<colon]) }) else { return nil }
            let rest = bytes[(colon + 1)...]
            func text(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: part), as: UTF8.self)
            }
            guard let hash = rest.firstIndex(of: UInt8(ascii: "#")) else { return (kind, text(rest), nil) }
            return (kind, text(rest[..<hash]), text(rest[(hash + 1)...]))
        }
    }
}

/// Where a cross-reference leads: the page-relative URL and the target's display name.
public struct ResolvedLink: Sendable {
    public var href: String
    public var name: String
}

/// A link whose scheme looks like a misspelt brief kind (`actors:nato`, `Actor:nato`).
public struct SuspiciousLink: Hashable, Sendable {
    public var url: String
    /// The kind the scheme most likely meant.
    public var meant: BriefKind
    public var line: Int
    public var column: Int

    init?(url: String, line: Int, column: Int) {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon].lowercased()
        let kinds = BriefKind.allCases
        guard let meant = kinds.first(where: { $0.rawValue == scheme })
                ?? Suggestion.closest(to: scheme, in: kinds.map(\.rawValue)).flatMap(BriefKind.init(rawValue:)) else { return nil }
        self.url = url
        self.meant = meant
        self.line = line
        self.column = column
    }
}

/// Markdown rendered to HTML, with the cross-references it contains.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var references: [CrossReference]
    public var suspicious: [SuspiciousLink] = []
}

/// Renders CommonMark with cmark, rewriting `actor:`, `proposal:`, `source:` and `page:` links through a resolver.
///
/// This is the only code that talks to cmark; no cmark pointer leaves it.
public struct MarkdownRenderer: Sendable {
    private let options: Int32

    /// `allowHTML` keeps raw HTML; by default cmark omits it.
    public init(allowHTML: Bool) {
        options = CMARK_OPT_SMART | (allowHTML ? CMARK_OPT_UNSAFE : 0)
    }

    /// Renders `text`, whose first line is line `line` and first column `column` of its file.
    ///
    /// `inline` drops the paragraph around a single-paragraph text (notes, provisions, events). With `headingTop`,
    /// the highest heading becomes `h<headingTop>` and the others follow (see `HeadingLevels`).
    /// `resolve` returns nil for a reference to no known brief; such links are reported, and left as written.
    public func render(_ text: String, line: Int = 1, column: Int = 1, inline: Bool = false, headingTop: Int? = nil,
                       resolve: (CrossReference) -> ResolvedLink?) -> RenderedMarkdown {
        if inline, Self.isPlainText(text) { return RenderedMarkdown(html: text, references: []) }
        let root: OpaquePointer? = text.withUTF8Bytes { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let root else { return RenderedMarkdown(html: "", references: []) }
        defer { cmark_node_free(root) }

        var references: [CrossReference] = []
        var suspicious: [SuspiciousLink] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_LINK,
                  let urlPointer = cmark_node_get_url(node) else { continue }
            let url = String(cString: urlPointer)
            let nodeLine = Int(cmark_node_get_start_line(node))
            let nodeColumn = Int(cmark_node_get_start_column(node))
            let at = (line: line + max(nodeLine, 1) - 1, column: nodeLine <= 1 ? column + max(nodeColumn, 1) - 1 : max(nodeColumn, 1))
            guard let reference = CrossReference(url: url, line: at.line, column: at.column) else {
                if let link = SuspiciousLink(url: url, line: at.line, column: at.column) { suspicious.append(link) }
                continue
            }
            references.append(reference)
            guard let target = resolve(reference) else { continue }
            cmark_node_set_url(node, target.href)
            if let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
               cmark_node_get_type(child) == CMARK_NODE_TEXT,
               let literal = cmark_node_get_literal(child), String(cString: literal) == url {
                cmark_node_set_literal(child, target.name)
            }
        }

        guard let rendered = cmark_render_html(root, options) else {
            return RenderedMarkdown(html: "", references: references, suspicious: suspicious)
        }
        defer { free(rendered) }
        let bytes = UnsafeMutableBufferPointer(start: UnsafeMutableRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                                               count: strlen(rendered))
        if let headingTop { HeadingLevels.nest(bytes, top: headingTop) }
        var html = String(decoding: bytes, as: UTF8.self)
        if inline { html = Self.unwrapSingleParagraph(html) }
        return RenderedMarkdown(html: html, references: references, suspicious: suspicious)
    }

    /// Whether cmark would render `text` as one paragraph holding `text` unchanged: one line that starts with a
    /// letter and ends with neither a space nor a non-ASCII character, holding none of the characters that start
    /// Markdown, an entity, HTML or a smart quote (backslash, backtick, `*`, `_`, `[`, `]`, `!`, `<`, `>`, `&`, `'`,
    /// `"`), and no `--` or `..`. Most notes, provisions and events are such sentences, and cmark's set-up for each
    /// cost more than the text.
    static func isPlainText(_ text: String) -> Bool {
        func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = bytes.first, let last = bytes.last, first | 0x20 >= UInt8(ascii: "a"), first | 0x20 <= UInt8(ascii: "z"),
                  last > 0x20, last < 0x7F else { return false }
            return plainBytes.withUnsafeBufferPointer { kinds in
                var previous: UInt8 = 0
                for byte in bytes {
                    let kind = kinds[Int(byte)]
                    if kind != 0, kind == 1 || byte == previous { return false }
                    previous = byte
                }
                return true
            }
        }
        return text.withUTF8Bytes(check)
    }

    /// For each byte, what `isPlainText` makes of it: 0 plain, 1 never plain, 2 plain unless doubled (`-`, `.`).
    private static let plainBytes: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case 0..<0x20, 0x7F, UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "\""):
            return 1
        case UInt8(ascii: "-"), UInt8(ascii: "."):
            return 2
        default:
            return 0
        }
    }

    static func unwrapSingleParagraph(_ html: String) -> String {
        // nil: decide by Characters; .some(nil): leave as is; .some(inner): the paragraph's content.
        let unwrapped: String?? = html.withUTF8Bytes { bytes in
            let n = bytes.count
            guard n >= 8, bytes[0] == UInt8(ascii: "<"), bytes[1] == UInt8(ascii: "p"), bytes[2] == UInt8(ascii: ">"),
                  bytes[n - 5] == UInt8(ascii: "<"), bytes[n - 4] == UInt8(ascii: "/"), bytes[n - 3] == UInt8(ascii: "p"),
                  bytes[n - 2] == UInt8(ascii: ">"), bytes[n - 1] == UInt8(ascii: "\n") else { return .some(nil) }
            // A combining mark right after "<p>" would make "<p>" not a prefix in Characters.
            guard bytes[3] < 0x80 else { return nil }
            let inner = UnsafeBufferPointer(rebasing: bytes[3..<(n - 5)])
            var i = 0
            while i + 2 < inner.count {
                if inner[i] == UInt8(ascii: "<"), inner[i + 1] == UInt8(ascii: "p"), inner[i + 2] == UInt8(ascii: ">") {
                    return .some(nil)
                }
                i += 1
            }
            return .some(String(decoding: inner, as: UTF8.self))
        }
        switch unwrapped {
        case .some(let inner?): return inner
        case .some(nil): return html
        case nil:
            guard html.hasPrefix("<p>"), html.hasSuffix("</p>\n") else { return html }
            let inner = html.dropFirst(3).dropLast(5)
            return inner.contains("<p>") ? html : String(inner)
        }
    }
}
