/// A parsed Mustache template: text, tags and sections as a tree, ready to render many times.
indirect enum TemplateNode {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// `{{$name}}…{{/name}}` inside `{{<partial}}`: replaces the partial's block of that name.
    case blockDefinition(String, [TemplateNode])
    /// `{{$name}}…{{/name}}` elsewhere: the block's replacement if one is inherited, else its own nodes.
    case block(String, default: [TemplateNode], indentation: [UInt8]?)
    /// `{{>name}}`, `{{>*name}}` and `{{<name}}…{{/name}}` (with the blocks it replaces).
    case partial(String, dynamic: Bool, indentation: [UInt8]?, inherits: [String: [TemplateNode]]?)
    /// `{{% CONTENT_TYPE: TEXT}}` turns escaping off for the rest of the template; `HTML` turns it back on.
    case contentType(escapes: Bool)
}

/// A tag's name: a dotted path and the transforms applied to it, e.g. `{{^empty(site.pages)}}`.
struct TemplateName: Equatable {
    enum Start: Equatable {
        /// The first name is looked up through the whole context stack.
        case stack
        /// `.` or a name starting with `.`: only the innermost value.
        case current
        /// A bare transform such as `{{last()}}`: the position in the list being rendered.
        case position
    }

    var start: Start
    var path: [String]
    /// Innermost first: `a(b(x))` applies `b`, then `a`.
    var transforms: [String]

    init(_ text: String, transforms: [String]) {
        if text == "" && !transforms.isEmpty {
            start = .position
        } else if text.first == "." {
            start = .current
        } else {
            start = .stack
        }
        path = text == "." ? [] : text.split(separator: ".").map(String.init)
        self.transforms = transforms.reversed()
    }
}

/// A parse error, with the 1-based line and column where the parser stopped.
struct TemplateParseError: Error, CustomStringConvertible {
    enum Kind: String {
        case unclosedTag = "a tag is not closed with the closing delimiter"
        case sectionCloseNameIncorrect = "this closing tag does not match the open section"
        case expectedSectionEnd = "a section is not closed"
        case invalidSetDelimiter = "invalid set-delimiter tag"
        case transformAppliedToInheritanceSection = "a block cannot have a transform"
        case illegalTokenInsideInheritSection = "only blocks may appear inside {{<partial}}"
        case invalidConfigVariableSyntax = "invalid {{% … }} tag"
        case unrecognisedConfigVariable = "unknown {{% … }} setting"
        case unexpectedEnd = "the template ends inside a tag"
    }

    var kind: Kind
    var line: Int
    var column: Int

    var description: String { kind.rawValue }
}

/// Parses Mustache as swift-mustache 2.x does: the same grammar (sections, inverted sections, partials, blocks and
/// inheritance, transforms, set delimiters, comments, content types) and the same rules for standalone lines and
/// indentation, so that templates written for it render byte for byte the same. Lambdas are not supported: the
/// generator never passes closures to templates.
struct TemplateParser {
    private let characters: [Character]
    private var position = 0

    private struct Failure: Error {
        var kind: TemplateParseError.Kind
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    static func parse(_ text: String) throws(TemplateParseError) -> [TemplateNode] {
        var parser = TemplateParser(characters: Array(text))
        do {
            return try parser.parse(State())
        } catch let failure as Failure {
            let (line, column) = parser.location()
            throw TemplateParseError(kind: failure.kind, line: line, column: column)
        } catch {
            preconditionFailure("unexpected \(error)")
        }
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    // MARK: Reading

    private var reachedEnd: Bool { position == characters.count }

    private func current() -> Character { reachedEnd ? "\0" : characters[position] }

    @discardableResult
    private mutating func read(while predicate: (Character) -> Bool) -> [Character] {
        let start = position
        while !reachedEnd, predicate(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    /// Reads up to the first character matching `predicate`; at the end, fails or returns the rest.
    private mutating func read(until predicate: (Character) -> Bool, failAtEnd: Bool) throws -> [Character] {
        let start = position
        while !reachedEnd {
            if predicate(characters[position]) { return Array(characters[start..<position]) }
            position += 1
        }
        if failAtEnd {
            position = start
            throw Failure(kind: .unexpectedEnd)
        }
        return Array(characters[start..<position])
    }

    /// Consumes `c` if it is next; fails at the end.
    private mutating func read(_ c: Character) throws -> Bool {
        guard !reachedEnd else { throw Failure(kind: .unexpectedEnd) }
        guard characters[position] == c else { return false }
        position += 1
        return true
    }

    /// Consumes `s` if it comes next; fails when fewer characters than `s` remain.
    private mutating func read(string s: [Character]) throws -> Bool {
        guard !s.isEmpty else { return true }
        guard characters.count - position >= s.count else { throw Failure(kind: .unexpectedEnd) }
        guard characters[position..<(position + s.count)].elementsEqual(s) else { return false }
        position += s.count
        return true
    }

    /// Skips past the next occurrence of `s` (matched as swift-mustache does); fails when there is none.
    private mutating func skip(pastString s: [Character]) throws {
        let start = position
        var matched = 0
        while !reachedEnd {
            if characters[position] == s[matched] {
                matched += 1
                if matched == s.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw Failure(kind: .unexpectedEnd)
    }

    /// The 1-based line and column of the current position.
    private func location() -> (Int, Int) {
        var column = 0
        var i = position
        while i > 0 {
            i -= 1
            if characters[i] == "\n" { break }
            column += 1
        }
        let line = characters[0..<position].count(where: \.isNewline) + 1
        return (line, column + 1)
    }

    // MARK: Grammar

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithBrackets = nameCharacters.union("()")
    private static let partialNameCharacters = nameCharactersWithBrackets.union("/")

    private mutating func parse(_ initial: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []
        func text(_ characters: [Character]) -> TemplateNode { .text(Array(String(characters).utf8)) }
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(text(whiteSpaceBefore))
                whiteSpaceBefore = []
            }
        }
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read(while: { $0 == " " || $0 == "\t" })
                if state.isPartialDefinition && !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let plain = try readUntilDelimiterOrNewline(state)
            if current().isNewline {
                nodes.append(text(whiteSpaceBefore + plain + [current()]))
                state.newLine = true
                position += 1
                continue
            }
            if !plain.isEmpty {
                nodes.append(text(whiteSpaceBefore + plain))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            switch current() {
            case "#", "^":
                let inverted = current() == "^"
                position += 1
                let name = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let inner = try parse(state.withSectionName(name.text, newLine: setNewLine, transforms: name.transforms))
                let tag = TemplateName(name.text, transforms: name.transforms)
                nodes.append(inverted ? .invertedSection(tag, inner) : .section(tag, inner))

            case "/":
                position += 1
                let start = position
                let name = try parseName(state)
                guard name.text == state.sectionName, name.transforms == state.sectionTransforms else {
                    position = start
                    throw Failure(kind: .sectionCloseNameIncorrect)
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes

            case "!":
                position += 1
                try skip(pastString: state.endDelimiter)
                setNewLine = isStandalone(state)

            case "{", "&":
                let triple = current() == "{"
                flushWhiteSpace()
                position += 1
                let name = try parseName(state)
                if triple { guard try read("}") else { throw Failure(kind: .unclosedTag) } }
                nodes.append(.variable(TemplateName(name.text, transforms: name.transforms), escaped: false))

            case ">":
                position += 1
                read(while: \.isWhitespace)
                let dynamic = current() == "*"
                if dynamic { position += 1 }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, dynamic: dynamic, indentation: Array(String(whiteSpaceBefore).utf8), inherits: nil))
                } else {
                    nodes.append(.partial(name, dynamic: dynamic, indentation: nil, inherits: nil))
                }
                whiteSpaceBefore = []

            case "<":
                position += 1
                read(while: \.isWhitespace)
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                var inherits: [String: [TemplateNode]] = [:]
                for node in try parse(state.withInheritancePartial(sectionName)) {
                    switch node {
                    case .blockDefinition(let name, let nodes): inherits[name] = nodes
                    case .text: break
                    default: throw Failure(kind: .illegalTokenInsideInheritSection)
                    }
                }
                nodes.append(.partial(dynamic ? String(sectionName.dropFirst()) : sectionName, dynamic: dynamic,
                                      indentation: Array(String(whiteSpaceBefore).utf8), inherits: inherits))
                whiteSpaceBefore = []

            case "$":
                position += 1
                let name = try parseName(state)
                guard name.transforms.isEmpty else { throw Failure(kind: .transformAppliedToInheritanceSection) }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    nodes.append(.blockDefinition(name.text, try parse(state.withSectionName(name.text, newLine: setNewLine))))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parse(state.withSectionName(name.text, newLine: setNewLine))
                    nodes.append(.block(name.text, default: inner, indentation: Array(String(whiteSpaceBefore).utf8)))
                    whiteSpaceBefore = []
                }

            case "=":
                position += 1
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                if let node = try parseConfigVariable(state) { nodes.append(node) }
                setNewLine = isStandalone(state)

            default:
                flushWhiteSpace()
                let name = try parseName(state)
                nodes.append(.variable(TemplateName(name.text, transforms: name.transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Failure(kind: .expectedSectionEnd) }
        return nodes
    }

    /// Text up to a newline (left unread) or up to and past the start delimiter.
    private mutating func readUntilDelimiterOrNewline(_ state: State) throws -> [Character] {
        guard let first = state.startDelimiter.first else { return [] }
        var total: [Character] = []
        while !reachedEnd {
            total += try read(until: { $0 == "\n" || $0 == "\r\n" || $0 == first }, failAtEnd: false)
            if current().isNewline {
                break
            } else if current() == first {
                if try read(string: state.startDelimiter) { break }
                total.append(first)
                position += 1
            }
        }
        return total
    }

    /// A tag's name up to and past the end delimiter, split into the name and its transforms: `empty(memberOf)`.
    private mutating func parseName(_ state: State) throws -> (text: String, transforms: [String]) {
        read(while: \.isWhitespace)
        let text = read(while: Self.nameCharactersWithBrackets.contains)
        read(while: \.isWhitespace)
        guard try read(string: state.endDelimiter) else { throw Failure(kind: .unclosedTag) }
        guard let open = text.firstIndex(where: { !Self.nameCharacters.contains($0) }) else { return (String(text), []) }
        guard text[open] == "(" else { throw Failure(kind: .unclosedTag) }
        var transforms = [String(text[..<open])]
        var i = open + 1
        while true {
            let start = i
            while i < text.count, Self.nameCharacters.contains(text[i]) { i += 1 }
            let name = String(text[start..<i])
            guard i < text.count else { throw Failure(kind: .unclosedTag) }
            if text[i] == "(" {
                transforms.append(name)
                i += 1
                continue
            }
            guard text[i] == ")" else { throw Failure(kind: .unclosedTag) }
            i += 1
            var closing = 0
            while i < text.count, text[i] == ")" { closing += 1; i += 1 }
            guard closing + 1 == transforms.count, i == text.count else { throw Failure(kind: .unclosedTag) }
            return (name, transforms)
        }
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        read(while: \.isWhitespace)
        let text = read(while: Self.partialNameCharacters.contains)
        read(while: \.isWhitespace)
        guard try read(string: state.endDelimiter) else { throw Failure(kind: .unclosedTag) }
        return String(text)
    }

    private mutating func parseSetDelimiter(_ state: State) throws -> State {
        let start: [Character], end: [Character]
        do {
            read(while: \.isWhitespace)
            start = try read(until: \.isWhitespace, failAtEnd: true)
            read(while: \.isWhitespace)
            end = try read(until: { $0 == "=" || $0.isWhitespace }, failAtEnd: true)
            read(while: \.isWhitespace)
        } catch {
            throw Failure(kind: .invalidSetDelimiter)
        }
        guard try read("=") else { throw Failure(kind: .invalidSetDelimiter) }
        guard try read(string: state.endDelimiter) else { throw Failure(kind: .invalidSetDelimiter) }
        guard !start.isEmpty, !end.isEmpty else { throw Failure(kind: .invalidSetDelimiter) }
        var state = state
        state.startDelimiter = start
        state.endDelimiter = end
        state.isPartialDefinitionTopLevel = false
        return state
    }

    private mutating func parseConfigVariable(_ state: State) throws -> TemplateNode? {
        let variable: [Character], value: [Character]
        do {
            read(while: \.isWhitespace)
            variable = read(while: Self.nameCharacters.contains)
            read(while: \.isWhitespace)
            guard try read(":") else { throw Failure(kind: .invalidConfigVariableSyntax) }
            read(while: \.isWhitespace)
            value = read(while: Self.nameCharacters.contains)
            read(while: \.isWhitespace)
            guard try read(string: state.endDelimiter) else { throw Failure(kind: .invalidConfigVariableSyntax) }
        } catch {
            throw Failure(kind: .invalidConfigVariableSyntax)
        }
        guard !variable.isEmpty, !value.isEmpty else { throw Failure(kind: .invalidConfigVariableSyntax) }
        guard String(variable) == "CONTENT_TYPE" else { throw Failure(kind: .unrecognisedConfigVariable) }
        switch String(value) {
        case "HTML": return .contentType(escapes: true)
        case "TEXT": return .contentType(escapes: false)
        default: throw Failure(kind: .unrecognisedConfigVariable)
        }
    }

    /// Whether the tag just read stands alone on its line; if so, the rest of the line is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var i = position
        while i < characters.count, characters[i] == " " || characters[i] == "\t" { i += 1 }
        guard i < characters.count, characters[i].isNewline else { return false }
        position = i + 1
        return true
    }
}
