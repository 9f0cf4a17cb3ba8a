/// Collects diagnostics for one file while it is being read.
final class DiagnosticBag {
    let file: String
    private(set) var items: [Diagnostic] = []

    init(file: String) { self.file = file }

    func error(_ message: String, line: Int = 0, column: Int = 0, hint: String? = nil) {
        items.append(Diagnostic(file: file, line: line, column: column, severity: .error, message: message, hint: hint))
    }

    func warning(_ message: String, line: Int = 0, column: Int = 0, hint: String? = nil) {
        items.append(Diagnostic(file: file, line: line, column: column, severity: .warning, message: message, hint: hint))
    }
}

/// Typed access to one YAML mapping of front matter; every defect becomes a diagnostic at its line.
///
/// Each getter marks its key as known; `finish()` then warns about every key that no getter asked for.
final class FieldReader {
    private let pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]
    /// Each key's hash (see `hash(_:)`), compared before the key itself.
    private let keyHashes: [UInt32]
    private let bag: DiagnosticBag
    private let lineOffset: Int
    /// The keys getters asked for, and whether each pair was asked for.
    private var known: [String] = []
    private var asked: [Bool]
    /// Where the mapping itself starts, for errors about missing fields.
    let line: Int
    let column: Int

    init?(_ node: YAMLNode, bag: DiagnosticBag, lineOffset: Int, what: String) {
        self.bag = bag
        self.lineOffset = lineOffset
        line = node.location.line + lineOffset
        column = node.location.column
        guard case .mapping(let mapping, _) = node else {
            bag.error("\(what) must be a mapping of 'key: value' lines", line: line, column: column)
            return nil
        }
        pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
        keyHashes = pairs.map { Self.hash($0.key) }
        asked = Array(repeating: false, count: pairs.count)
        known.reserveCapacity(16)
    }

    /// The line of each key in this mapping.
    var keyLines: [String: Int] {
        Dictionary(pairs.map { ($0.key, location(of: $0.keyNode).line) }, uniquingKeysWith: { first, _ in first })
    }

    func location(of node: YAMLNode) -> (line: Int, column: Int) {
        (node.location.line + lineOffset, node.location.column)
    }

    /// FNV-1a over the key's UTF-8 bytes.
    private static func hash(_ key: String) -> UInt32 {
        key.withUTF8Bytes { bytes in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return hash
        }
    }

    private func node(_ key: String) -> YAMLNode? {
        known.append(key)
        let hash = Self.hash(key)
        guard let i = keyHashes.indices.first(where: { keyHashes[$0] == hash && pairs[$0].key == key }) else { return nil }
        asked[i] = true
        if case .scalar(let s) = pairs[i].value, s.style == .plain, Self.isNull(s.text) { return nil }
        return pairs[i].value
    }

    /// Whether a plain scalar means null: empty, `~`, or `null` in one of its three spellings.
    private static func isNull(_ text: String) -> Bool {
        guard text.utf8.count <= 4 else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private func scalar(_ node: YAMLNode, key: String, what: String) -> String? {
        if case .scalar(let s) = node { return s.text }
        let at = location(of: node)
        bag.error("'\(key)' must be \(what)", line: at.line, column: at.column)
        return nil
    }

    private func missing(_ key: String) {
        bag.error("missing required field '\(key)'", line: line, column: column)
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let n = node(key) else {
            if required { missing(key) }
            return nil
        }
        return scalar(n, key: key, what: "a string")
    }

    /// The string and where it was written.
    func located(_ key: String, required: Bool = false) -> (text: String, line: Int, column: Int)? {
        guard let n = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard let s = scalar(n, key: key, what: "a string") else { return nil }
        let at = location(of: n)
        return (s, at.line, at.column)
    }

    func bool(_ key: String) -> Bool? {
        guard let n = node(key) else { return nil }
        if let b = n.bool { return b }
        let at = location(of: n)
        bag.error("'\(key)' must be true or false, not '\(n.string ?? "")'", line: at.line, column: at.column)
        return nil
    }

    func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let n = node(key) else { return nil }
        if let i = n.int, range.contains(i) { return i }
        let at = location(of: n)
        bag.error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(n.string ?? "")'",
                  line: at.line, column: at.column)
        return nil
    }

    func date(_ key: String, required: Bool = false) -> PartialDate? {
        guard let n = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard let s = scalar(n, key: key, what: "a date") else { return nil }
        if let d = PartialDate(s) { return d }
        let at = location(of: n)
        bag.error("invalid date '\(s)' in '\(key)'", line: at.line, column: at.column,
                  hint: "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-08-16")
        return nil
    }

    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required: Bool = false) -> E?
    where E.RawValue == String {
        guard let n = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard let s = scalar(n, key: key, what: "one word") else { return nil }
        if let e = E(rawValue: s) { return e }
        let allowed = E.allCases.map(\.rawValue)
        let at = location(of: n)
        bag.error("invalid \(key) '\(s)'; expected one of: \(allowed.joined(separator: ", "))", line: at.line, column: at.column,
                  hint: Suggestion.hint(for: s, in: allowed))
        return nil
    }

    /// A list's items; a single scalar counts as a list of one.
    private func items(_ key: String) -> [YAMLNode] {
        guard let n = node(key) else { return [] }
        switch n {
        case .sequence(let items, _): return items
        case .scalar: return [n]
        default:
            let at = location(of: n)
            bag.error("'\(key)' must be a list", line: at.line, column: at.column)
            return []
        }
    }

    func strings(_ key: String) -> [String] {
        items(key).compactMap { scalar($0, key: key, what: "a list of strings") }
    }

    func inlineTexts(_ key: String) -> [InlineText] {
        items(key).compactMap { n in
            scalar(n, key: key, what: "a list of strings").map {
                let at = location(of: n)
                return InlineText(markdown: $0, line: at.line, column: at.column)
            }
        }
    }

    func ref(_ key: String, required: Bool = false) -> Ref? {
        guard let (s, line, column) = located(key, required: required) else { return nil }
        return Ref(slug: s, line: line, column: column)
    }

    func refs(_ key: String) -> [Ref] {
        items(key).compactMap { n in
            scalar(n, key: key, what: "a list of slugs").map {
                let at = location(of: n)
                return Ref(slug: $0, line: at.line, column: at.column)
            }
        }
    }

    /// The mappings of a list of mappings (positions, events).
    func mappings(_ key: String, what: String) -> [FieldReader] {
        items(key).compactMap { FieldReader($0, bag: bag, lineOffset: lineOffset, what: what) }
    }

    /// Warns about keys no getter asked for, naming the closest known key.
    func finish() {
        for (i, pair) in pairs.enumerated() where !asked[i] && !known.contains(pair.key) {
            let at = location(of: pair.keyNode)
            bag.warning("unknown field '\(pair.key)'", line: at.line, column: at.column,
                        hint: Suggestion.hint(for: pair.key, in: known))
        }
    }
}
