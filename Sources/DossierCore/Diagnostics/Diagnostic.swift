/// One defect found in the content: where it is, how bad it is, what is wrong and how to fix it.
public struct Diagnostic: Hashable, Sendable, Comparable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    /// Path as shown to the user, e.g. `content/proposals/x.md`.
    public var file: String
    /// 1-based line; 0 when the defect concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    public var severity: Severity
    public var message: String
    /// A suggestion such as `did you mean 'giorgia-meloni'?`.
    public var hint: String?

    public init(file: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.severity, a.message) < (b.file, b.line, b.column, b.severity, b.message)
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
