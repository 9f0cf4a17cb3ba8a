import Foundation

/// A value a template receives: typed, so that rendering needs no dynamic casts.
enum TemplateValue {
    case text(String)
    /// Text known to hold none of `<>&"'`, which escaping leaves as it is: written without the scan. Values shown on
    /// many pages (links, dates, the site's own) are checked once when they are made. Otherwise the same as `.text`.
    case safeText(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A list of objects kept as built, which spares wrapping each one; renders exactly as `.list` of `.object`s.
    case objects([TemplateObject])
    /// A list of objects built one at a time while the list renders, so that a list of 100,000 rows never exists
    /// in memory all at once; renders exactly as `.objects`.
    indirect case lazyObjects(count: Int, item: (Int) -> TemplateObject)

    /// Converts a plain Swift value (`String`, `Int`, `Bool`, arrays and `[String: Any]` of them); anything else
    /// becomes its description.
    init(any value: Any) {
        switch value {
        case let v as String: self = .text(v)
        case let v as Bool: self = .flag(v)
        case let v as Int: self = .number(v)
        case let v as [String: Any]: self = .object(TemplateObject(any: v))
        case let v as [Any]: self = .list(v.map(TemplateValue.init(any:)))
        default: self = .text(String(describing: value))
        }
    }

    /// The text of `.text` and `.safeText`; nil for other values.
    var string: String? {
        switch self {
        case .text(let s), .safeText(let s): return s
        default: return nil
        }
    }

    /// `text` as `.safeText` when escaping would leave it as it is, as `.text` otherwise.
    static func checked(_ text: String) -> TemplateValue {
        HTMLEscape.leavesAsIs(text) ? .safeText(text) : .text(text)
    }

    /// The named value inside an object; nothing for any other value.
    @inline(__always)
    func child(_ key: TemplateKey) -> TemplateValue? {
        if case .object(let object) = self { return object.field(key) }
        return nil
    }

    /// The transforms of swift-mustache (`empty(x)`, `count(x)`, `reversed(x)`, …); nil when the transform does not
    /// apply to the value, which renders as a missing value.
    func transformed(_ transform: TemplateTransform) -> TemplateValue? {
        switch self {
        case .text(let s), .safeText(let s):
            switch transform {
            case .empty: return .flag(s.isEmpty)
            case .capitalized: return .text(s.capitalized)
            case .lowercased: return .text(s.lowercased())
            case .uppercased: return .text(s.uppercased())
            case .reversed: return .text(String(s.reversed()))
            default: return nil
            }
        case .number(let n):
            switch transform {
            case .equalzero: return .flag(n == 0)
            case .plusone: return .number(n + 1)
            case .minusone: return .number(n - 1)
            case .even: return .flag(n & 1 == 0)
            case .odd: return .flag(n & 1 == 1)
            default: return nil
            }
        case .flag:
            return nil
        case .list(let items):
            switch transform {
            case .first: return items.first
            case .last: return items.last
            case .reversed: return .list(items.reversed())
            case .count: return .number(items.count)
            case .empty: return .flag(items.isEmpty)
            case .sorted: return Self.sorted(items)
            default: return nil
            }
        case .objects(let items):
            switch transform {
            case .first: return items.first.map(TemplateValue.object)
            case .last: return items.last.map(TemplateValue.object)
            case .reversed: return .objects(items.reversed())
            case .count: return .number(items.count)
            case .empty: return .flag(items.isEmpty)
            default: return nil
            }
        case .lazyObjects(let count, let item):
            switch transform {
            case .first: return count > 0 ? .object(item(0)) : nil
            case .last: return count > 0 ? .object(item(count - 1)) : nil
            case .reversed: return .lazyObjects(count: count) { item(count - 1 - $0) }
            case .count: return .number(count)
            case .empty: return .flag(count == 0)
            default: return nil
            }
        case .object(let object):
            switch transform {
            case .count: return .number(object.count)
            case .empty: return .flag(object.count == 0)
            case .enumerated: return .list(object.fields.map { Self.entry($0.name, $0.value) })
            case .sorted: return .list(object.fields.sorted { $0.name < $1.name }.map { Self.entry($0.name, $0.value) })
            default: return nil
            }
        }
    }

    private static func entry(_ key: String, _ value: TemplateValue) -> TemplateValue {
        .object(TemplateObject(fields: [("key", .text(key)), ("value", value)]))
    }

    /// A list of texts or of numbers, sorted; nil for lists of anything else.
    private static func sorted(_ items: [TemplateValue]) -> TemplateValue? {
        let texts = items.compactMap(\.string)
        if texts.count == items.count { return .list(texts.sorted().map(TemplateValue.text)) }
        let numbers = items.compactMap { if case .number(let n) = $0 { return n } else { return nil } }
        if numbers.count == items.count { return .list(numbers.sorted().map(TemplateValue.number)) }
        return nil
    }
}

/// A transform a tag can apply, as in `{{#empty(list)}}`: the functions of swift-mustache, resolved once when the
/// templates are compiled.
enum TemplateTransform: String {
    case empty, capitalized, lowercased, uppercased, reversed, equalzero, plusone, minusone, even, odd, first, last,
         count, sorted, enumerated, index
    /// A name that is no transform: applied to anything, it gives a missing value.
    case unknown
}

/// Named values for a template; setting a name again replaces its value, setting nil removes it.
///
/// Names are kept as `TemplateKey`s, numbers, and the object keeps a 64-bit summary of them, so that a lookup skips
/// most objects with one test and compares numbers, not strings. Keys and values are kept in one array: building an
/// object allocates once, and copying one retains once.
struct TemplateObject: ExpressibleByDictionaryLiteral {
    /// A value and its name.
    struct Field {
        var value: TemplateValue
        let key: TemplateKey

        init(_ key: TemplateKey, _ value: consuming TemplateValue) {
            self.value = value
            self.key = key
        }
    }

    private(set) var items: [Field] = []
    /// Bit `key.id & 63` is set for the key of every field.
    private var mask: UInt64 = 0

    init(fields: [(name: String, value: TemplateValue)] = []) {
        for (name, value) in fields { set(TemplateKey(name), value) }
    }

    /// Entries whose value is nil are left out; the names of a literal are unique.
    init(dictionaryLiteral elements: (TemplateKey, TemplateValue?)...) {
        items.reserveCapacity(elements.count)
        for (key, value) in elements {
            if let value { append(Field(key, value)) }
        }
    }

    init(any dictionary: [String: Any]) {
        for (name, value) in dictionary.sorted(by: { $0.key < $1.key }) { set(TemplateKey(name), TemplateValue(any: value)) }
    }

    var count: Int { items.count }

    var fields: [(name: String, value: TemplateValue)] { items.map { ($0.key.name, $0.value) } }

    /// The value of `key`.
    @inline(__always)
    func field(_ key: TemplateKey) -> TemplateValue? {
        index(of: key).map { items[$0].value }
    }

    /// The object `key` names when the field is there; nil when it is missing. A field that is there but holds no
    /// object also gives an empty answer (`.some(nil)`): the name was found.
    @inline(__always)
    func nested(_ key: TemplateKey) -> TemplateObject?? {
        guard let i = index(of: key) else { return nil }
        if case .object(let object) = items[i].value { return .some(object) }
        return .some(nil)
    }

    /// Where the field `key` is in `items`.
    @inline(__always)
    private func index(of key: TemplateKey) -> Int? {
        guard mask & key.bit != 0 else { return nil }
        return items.withUnsafeBufferPointer { items in
            for i in items.indices where items[i].key == key { return i }
            return nil
        }
    }

    /// An empty object with room for `capacity` names, to be filled with `add`.
    init(capacity: Int) {
        items.reserveCapacity(capacity)
    }

    /// Makes room for `extra` more names, so that adding them allocates nothing.
    mutating func reserve(_ extra: Int) {
        items.reserveCapacity(items.count + extra)
    }

    /// Adds `key`, which the object does not have yet, with `value`; nil adds nothing. Rows built many times use
    /// this instead of a literal: a literal's entries are copied in, then destroyed by the runtime's generic tuple code.
    mutating func add(_ key: TemplateKey, _ value: consuming TemplateValue?) {
        assert(index(of: key) == nil, "'\(key.name)' is already in the object")
        switch consume value {
        case .some(let value): append(Field(key, value))
        case .none: break
        }
    }

    /// Sets `key` to `value`; nil leaves the object as it is, as merging a literal with a nil entry does.
    mutating func update(_ key: TemplateKey, _ value: consuming TemplateValue?) {
        switch consume value {
        case .some(let value): set(key, value)
        case .none: break
        }
    }

    private mutating func append(_ field: consuming Field) {
        mask |= field.key.bit
        items.append(field)
    }

    mutating func set(_ key: TemplateKey, _ value: TemplateValue?) {
        if let i = index(of: key) {
            if let value {
                items[i].value = value
            } else {
                items.remove(at: i)
                mask = items.reduce(0) { $0 | $1.key.bit }
            }
        } else if let value {
            append(Field(key, value))
        }
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        get { field(key) }
        set { set(key, newValue) }
    }
}

/// A name in template objects and tags, as a number: every distinct name has its own, given the first time the
/// name is used and kept for the life of the process. Looking a name up in an object compares these numbers.
///
/// Names given as literals cost a lock and a dictionary lookup each time; the names the page contexts use every page
/// are made once, as the static members in `TemplateKeys.swift`.
struct TemplateKey: Hashable, Sendable, ExpressibleByStringLiteral {
    let id: UInt32

    init(_ name: String) {
        id = Registry.shared.id(of: name)
    }

    init(stringLiteral name: String) {
        self.init(name)
    }

    /// The name this key stands for.
    var name: String { Registry.shared.name(of: id) }

    /// The key's bit in an object's summary of its keys.
    @inline(__always)
    var bit: UInt64 { 1 << UInt64(id & 63) }

    /// Every name given a number so far.
    private final class Registry: @unchecked Sendable {
        static let shared = Registry()
        private let lock = NSLock()
        private var ids: [String: UInt32] = [:]
        private var names: [String] = []

        func id(of name: String) -> UInt32 {
            lock.lock()
            defer { lock.unlock() }
            if let id = ids[name] { return id }
            let id = UInt32(names.count)
            names.append(name)
            ids[name] = id
            return id
        }

        func name(of id: UInt32) -> String {
            lock.lock()
            defer { lock.unlock() }
            return names[Int(id)]
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }

    /// A text that may be missing: nil leaves the name out of its object.
    static func optional(_ text: String?) -> TemplateValue? { text.map(TemplateValue.text) }

    /// An object that may be missing: nil leaves the name out of its object.
    static func optional(_ object: TemplateObject?) -> TemplateValue? { object.map(TemplateValue.object) }
}
