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
        if text.withUTF8({ bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        guard text.utf8.starts(with: "---\n".utf8) || text == "---" else {
            return SplitBrief(yaml: nil, yamlLine: 1, body: text, bodyLine: 1)
        }
        // Byte offsets of the YAML's start and of the closing fence line, and the fence's line number.
        let fence: (start: Int, end: Int, line: Int)? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var line = 2
            var index = min(4, bytes.count)
            while index < bytes.count {
                let end = memchr(base + index, 0x0A, bytes.count - index).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    ?? bytes.count
                let length = end - index
                if length == 3, (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: ".")),
                   bytes[index + 1] == bytes[index], bytes[index + 2] == bytes[index] {
                    return (index, end, line)
                }
                guard end < bytes.count else { return nil }
                index = end + 1
                line += 1
            }
            return nil
        }
        guard let fence else { throw .unclosed }
        let utf8 = text.utf8
        let yamlStart = utf8.index(utf8.startIndex, offsetBy: min(4, utf8.count))
        let fenceStart = utf8.index(utf8.startIndex, offsetBy: fence.start)
        let bodyStart = utf8.index(utf8.startIndex, offsetBy: min(fence.end + 1, utf8.count))
        return SplitBrief(yaml: String(text[yamlStart..<fenceStart]), yamlLine: 2, body: String(text[bodyStart...]),
                          bodyLine: fence.line + 1)
    }
}
