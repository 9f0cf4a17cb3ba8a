import Foundation

/// The ways diagnostics can be printed: compiler style, GitHub Actions annotations, or JSON.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, github, json

    /// Renders sorted diagnostics; `color` adds ANSI colours to the text format.
    public func render(_ diagnostics: [Diagnostic], color: Bool = false) -> String {
        let sorted = diagnostics.sorted()
        switch self {
        case .text:
            return sorted.map { textLine($0, color: color) }.joined()
        case .github:
            return sorted.map(githubLine).joined()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(sorted)) ?? Data("[]".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    private func location(_ d: Diagnostic) -> String {
        var s = d.file
        if d.line > 0 { s += ":\(d.line)" }
        if d.line > 0 && d.column > 0 { s += ":\(d.column)" }
        return s
    }

    private func textLine(_ d: Diagnostic, color: Bool) -> String {
        let label: String
        if color {
            label = d.severity == .error ? "\u{1B}[1;31merror:\u{1B}[0m" : "\u{1B}[1;33mwarning:\u{1B}[0m"
        } else {
            label = "\(d.severity.rawValue):"
        }
        var line = "\(location(d)): \(label) \(d.message)"
        if let hint = d.hint { line += " (\(hint))" }
        return line + "\n"
    }

    private func githubLine(_ d: Diagnostic) -> String {
        var props = ["file=\(escapeProperty(d.file))"]
        if d.line > 0 { props.append("line=\(d.line)") }
        if d.column > 0 { props.append("col=\(d.column)") }
        var message = d.message
        if let hint = d.hint { message += " (\(hint))" }
        return "::\(d.severity.rawValue) \(props.joined(separator: ","))::\(escapeData(message))\n"
    }

    private func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
