import Foundation

/// A value a template receives: typed, so that rendering needs no dynamic casts.
enum TemplateValue {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

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
        case .object(let object):
            switch name {
            case "count": return .number(object.fields.count)
            case "empty": return .flag(object.fields.isEmpty)
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

/// Named values for a template, in the order they were set; setting a name again replaces its value, setting nil
/// removes it.
struct TemplateObject: ExpressibleByDictionaryLiteral {
    private(set) var fields: [(name: String, value: TemplateValue)]

    init(fields: [(name: String, value: TemplateValue)] = []) {
        self.fields = fields
    }

    /// Entries whose value is nil are left out.
    init(dictionaryLiteral elements: (String, (any TemplateRepresentable)?)...) {
        fields = []
        fields.reserveCapacity(elements.count)
        for (name, value) in elements {
            if let value { set(name, value.templateValue) }
        }
    }

    init(any dictionary: [String: Any]) {
        fields = dictionary.sorted { $0.key < $1.key }.map { ($0.key, TemplateValue(any: $0.value)) }
    }

    func field(_ name: String) -> TemplateValue? {
        for field in fields where field.name == name { return field.value }
        return nil
    }

    mutating func set(_ name: String, _ value: TemplateValue?) {
        if let i = fields.firstIndex(where: { $0.name == name }) {
            if let value { fields[i].value = value } else { fields.remove(at: i) }
        } else if let value {
            fields.append((name, value))
        }
    }

    subscript(name: String) -> (any TemplateRepresentable)? {
        get { field(name) }
        set { set(name, newValue?.templateValue) }
    }

    /// This object with `other`'s values added, replacing its own on the same names.
    func merging(_ other: TemplateObject) -> TemplateObject {
        var out = self
        for field in other.fields { out.set(field.name, field.value) }
        return out
    }
}

/// Swift values that can be handed to a template.
protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
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
}

extension TemplateValue: TemplateRepresentable {
    var templateValue: TemplateValue { self }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}
