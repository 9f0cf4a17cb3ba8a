import Foundation

/// A brief split into its YAML front matter and its Markdown body.
struct SplitBrief: Sendable {
    /// The YAML between the fences, or nil when the file has no front matter.
    var yaml: String?
    /// 1-based line in the file where the YAML starts.
    var yamlLine: Int
    var body: String
    /// 1-based line in the file where the body starts.
    var bodyLine: Int
}

/// Splits front matter (`---` … `---` or `...`) from the body; tolerates a BOM and CRLF line endings.
enum FrontMatter {
    enum SplitError: Error, Equatable {
        case unclosed
    }

    static func split(_ text: String) throws(SplitError) -> SplitBrief {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\r") { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        guard text.hasPrefix("---\n") || text == "---" else {
            return SplitBrief(yaml: nil, yamlLine: 1, body: text, bodyLine: 1)
        }
        var line = 1
        var yamlStart: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let end = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let content = text[index..<end]
            if line == 1 {
                yamlStart = end < text.endIndex ? text.index(after: end) : end
            } else if content == "---" || content == "..." {
                let yaml = String(text[yamlStart!..<index])
                let bodyStart = end < text.endIndex ? text.index(after: end) : end
                return SplitBrief(yaml: yaml, yamlLine: 2, body: String(text[bodyStart...]), bodyLine: line + 1)
            }
            guard end < text.endIndex else { break }
            index = text.index(after: end)
            line += 1
        }
        throw .unclosed
    }
}
