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
    private let table: YAMLTable
    /// The mapping's node in the table.
    private let mapping: Int
    private let bag: DiagnosticBag
    private let lineOffset: Int
    /// Where the mapping itself starts, for errors about missing fields.
    let line: Int
    let column: Int

    /// Reads the mapping at `index` of `table` (its root by default).
    init?(_ table: YAMLTable, at index: Int = 0, bag: DiagnosticBag, lineOffset: Int, what: String) {
        self.table = table
        mapping = index
        self.bag = bag
        self.lineOffset = lineOffset
        guard index < table.nodes.count else {
            // An empty document: a mapping with nothing in it.
            (line, column) = (1 + lineOffset, 0)
            return
        }
        line = Int(table.nodes[index].line) + lineOffset
        column = Int(table.nodes[index].column)
        guard table.nodes[index].kind == .mapping else {
            bag.error("\(what) must be a mapping of 'key: value' lines", line: line, column: column)
            return nil
        }
    }

    /// Where the mapping's pairs end in the table; its first key is at `mapping + 1`.
    private var end: Int {
        mapping < table.nodes.count ? Int(table.nodes[mapping].end) : mapping + 1
    }

    /// The key after the one at `key`, past its value.
    private func next(_ key: Int) -> Int {
        Int(table.nodes[Int(table.nodes[key].end)].end)
    }

    /// The first key node of this mapping for which `test` holds.
    @inline(__always)
    private func firstKey(where test: (Int) -> Bool) -> Int? {
        var k = mapping + 1
        let end = end
        while k < end {
            if test(k) { return k }
            k = next(k)
        }
        return nil
    }

    /// The key nodes of this mapping, each followed by its value.
    private var keys: [Int] {
        var out: [Int] = []
        var k = mapping + 1
        let end = end
        while k < end {
            out.append(k)
            k = next(k)
        }
        return out
    }

    /// The line of each key in this mapping, in order.
    var keyLines: [(field: String, line: Int)] {
        keys.map { (table.text($0), location(of: $0).line) }
    }

    func location(of node: Int) -> (line: Int, column: Int) {
        (Int(table.nodes[node].line) + lineOffset, Int(table.nodes[node].column))
    }

    /// The value of `key`, nil when it is missing or null.
    private func node(_ key: String) -> Int? {
        table.known.append((mapping, key))
        guard let k = firstKey(where: { table.text($0, is: key) }) else { return nil }
        table.asked[k] = true
        let value = Int(table.nodes[k].end), v = table.nodes[value]
        if v.kind == .scalar, v.style == .plain, v.count <= 4, Self.isNull(table.text(value)) { return nil }
        return value
    }

    /// Whether a plain scalar means null: empty, `~`, or `null` in one of its three spellings.
    private static func isNull(_ text: String) -> Bool {
        guard text.utf8.count <= 4 else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private func scalar(_ node: Int, key: String, what: String) -> String? {
        if table.nodes[node].kind == .scalar { return table.text(node) }
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
        if table.nodes[n].kind == .scalar, let b = Bool.construct(from: table.yams(n)) { return b }
        let at = location(of: n)
        bag.error("'\(key)' must be true or false, not '\(table.text(n))'", line: at.line, column: at.column)
        return nil
    }

    func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let n = node(key) else { return nil }
        if table.nodes[n].kind == .scalar, let i = Int.construct(from: table.yams(n)), range.contains(i) { return i }
        let at = location(of: n)
        bag.error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(table.text(n))'",
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
    private func items(_ key: String) -> [Int] {
        guard let n = node(key) else { return [] }
        switch table.nodes[n].kind {
        case .sequence: return table.children(n)
        case .scalar: return [n]
        case .mapping:
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
        items(key).compactMap { FieldReader(table, at: $0, bag: bag, lineOffset: lineOffset, what: what) }
    }

    /// Warns about keys no getter asked for, naming the closest known key.
    func finish() {
        // Most mappings had every key asked for: found without gathering anything.
        guard firstKey(where: { !table.asked[$0] }) != nil else { return }
        let known = table.known.filter { $0.mapping == mapping }.map(\.key)
        for k in keys where !table.asked[k] {
            let key = table.text(k)
            guard !known.contains(key) else { continue }
            let at = location(of: k)
            bag.warning("unknown field '\(key)'", line: at.line, column: at.column, hint: Suggestion.hint(for: key, in: known))
        }
    }
}
