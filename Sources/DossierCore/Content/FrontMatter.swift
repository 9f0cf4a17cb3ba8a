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
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst() }
        if text.utf8.contains(0x0D) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        let utf8 = text.utf8
        guard utf8.starts(with: "---\n".utf8) || text == "---" else {
            return SplitBrief(yaml: nil, yamlLine: 1, body: text, bodyLine: 1)
        }
        let yamlStart = utf8.index(utf8.startIndex, offsetBy: min(4, utf8.count))
        var line = 2
        var index = yamlStart
        while index < utf8.endIndex {
            let end = utf8[index...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let content = utf8[index..<end]
            if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return SplitBrief(yaml: String(text[yamlStart..<index]), yamlLine: 2, body: String(text[bodyStart...]),
                                  bodyLine: line + 1)
            }
            guard end < utf8.endIndex else { break }
            index = utf8.index(after: end)
            line += 1
        }
        throw .unclosed
    }
}
