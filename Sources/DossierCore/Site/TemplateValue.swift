import Foundation

/// A value a template receives: typed, so that rendering needs no dynamic casts.
enum TemplateValue {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A list of objects kept as built, which spares wrapping each one; renders exactly as `.list` of `.object`s.
    case objects([TemplateObject])
    /// A list of objects built one at a time while the list renders, so that a list of 100,000 rows never exists
    /// in memory all at once; renders exactly as `.objects`.
    case lazyObjects(count: Int, item: (Int) -> TemplateObject)

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

    /// The named value inside an object; nothing for any other value.
    func child(_ name: String) -> TemplateValue? {
        if case .object(let object) = self { return object.field(name) }
        return nil
    }

    /// The transforms of swift-mustache (`empty(x)`, `count(x)`, `reversed(x)`, …); nil when the transform does not
    /// apply to the value, which renders as a missing value.
    func transformed(_ name: String) -> TemplateValue? {
        switch self {
        case .text(let s):
            switch name {
            case "empty": return .flag(s.isEmpty)
            case "capitalized": return .text(s.capitalized)
            case "lowercased": return .text(s.lowercased())
            case "uppercased": return .text(s.uppercased())
            case "reversed": return .text(String(s.reversed()))
            default: return nil
            }
        case .number(let n):
            switch name {
            case "equalzero": return .flag(n == 0)
            case "plusone": return .number(n + 1)
            case "minusone": return .number(n - 1)
            case "even": return .flag(n & 1 == 0)
            case "odd": return .flag(n & 1 == 1)
            default: return nil
            }
        case .flag:
            return nil
        case .list(let items):
            switch name {
            case "first": return items.first
            case "last": return items.last
            case "reversed": return .list(items.reversed())
            case "count": return .number(items.count)
            case "empty": return .flag(items.isEmpty)
            case "sorted": return Self.sorted(items)
            default: return nil
            }
        case .objects(let items):
            switch name {
            case "first": return items.first.map(TemplateValue.object)
            case "last": return items.last.map(TemplateValue.object)
            case "reversed": return .objects(items.reversed())
            case "count": return .number(items.count)
            case "empty": return .flag(items.isEmpty)
            default: return nil
            }
        case .lazyObjects(let count, let item):
            switch name {
            case "first": return count > 0 ? .object(item(0)) : nil
            case "last": return count > 0 ? .object(item(count - 1)) : nil
            case "reversed": return .lazyObjects(count: count) { item(count - 1 - $0) }
            case "count": return .number(count)
            case "empty": return .flag(count == 0)
            default: return nil
            }
        case .object(let object):
            switch name {
            case "count": return .number(object.names.count)
            case "empty": return .flag(object.names.isEmpty)
            case "enumerated": return .list(object.fields.map { Self.entry($0.name, $0.value) })
            case "sorted": return .list(object.fields.sorted { $0.name < $1.name }.map { Self.entry($0.name, $0.value) })
            default: return nil
            }
        }
    }

    private static func entry(_ key: String, _ value: TemplateValue) -> TemplateValue {
        .object(TemplateObject(fields: [("key", .text(key)), ("value", value)]))
    }

    /// A list of texts or of numbers, sorted; nil for lists of anything else.
    private static func sorted(_ items: [TemplateValue]) -> TemplateValue? {
        let texts = items.compactMap { if case .text(let s) = $0 { return s } else { return nil } }
        if texts.count == items.count { return .list(texts.sorted().map(TemplateValue.text)) }
        let numbers = items.compactMap { if case .number(let n) = $0 { return n } else { return nil } }
        if numbers.count == items.count { return .list(numbers.sorted().map(TemplateValue.number)) }
        return nil
    }
}

/// Named values for a template; setting a name again replaces its value, setting nil removes it.
///
/// Names and values are kept in two arrays so that a lookup compares names without touching values.
struct TemplateObject: ExpressibleByDictionaryLiteral {
    private(set) var names: [String] = []
    private(set) var values: [TemplateValue] = []

    init(fields: [(name: String, value: TemplateValue)] = []) {
        for (name, value) in fields { set(name, value) }
    }

    /// Entries whose value is nil are left out; the names of a literal are unique.
    init(dictionaryLiteral elements: (String, (any TemplateRepresentable)?)...) {
        names.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (name, value) in elements {
            if let value {
                names.append(name)
                values.append(value.templateValue)
            }
        }
    }

    init(any dictionary: [String: Any]) {
        for (name, value) in dictionary.sorted(by: { $0.key < $1.key }) { set(name, TemplateValue(any: value)) }
    }

    var fields: [(name: String, value: TemplateValue)] { Array(zip(names, values)) }

    func field(_ name: String) -> TemplateValue? {
        let count = name.utf8.count
        for i in names.indices where names[i].utf8.count == count && names[i] == name { return values[i] }
        return nil
    }

    mutating func set(_ name: String, _ value: TemplateValue?) {
        if let i = names.firstIndex(of: name) {
            if let value {
                values[i] = value
            } else {
                names.remove(at: i)
                values.remove(at: i)
            }
        } else if let value {
            names.append(name)
            values.append(value)
        }
    }

    subscript(name: String) -> (any TemplateRepresentable)? {
        get { field(name) }
        set { set(name, newValue?.templateValue) }
    }

    /// This object with `other`'s values added, replacing its own on the same names.
    func merging(_ other: TemplateObject) -> TemplateObject {
        var out = self
        out.names.reserveCapacity(names.count + other.names.count)
        out.values.reserveCapacity(values.count + other.values.count)
        for i in other.names.indices { out.set(other.names[i], other.values[i]) }
        return out
    }
}

/// Swift values that can be handed to a template.
protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
    /// A list of such values.
    static func templateList(_ items: [Self]) -> TemplateValue
}

extension TemplateRepresentable {
    static func templateList(_ items: [Self]) -> TemplateValue { .list(items.map(\.templateValue)) }
}

extension String: TemplateRepresentable {
    var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateRepresentable {
    var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateRepresentable {
    var templateValue: TemplateValue { .flag(self) }
}

extension TemplateObject: TemplateRepresentable {
    var templateValue: TemplateValue { .object(self) }
    static func templateList(_ items: [TemplateObject]) -> TemplateValue { .objects(items) }
}

extension TemplateValue: TemplateRepresentable {
    var templateValue: TemplateValue { self }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    var templateValue: TemplateValue { Element.templateList(self) }
}
