/// Escapes text for HTML and XML: `&`, `<`, `>`, `"` and `'`, byte by byte as the templates escape.
public func escapeMarkup(_ s: String) -> String {
    var s = s
    let escaped: [UInt8]? = s.withUTF8 { bytes in
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        HTMLEscape.append(bytes, to: &out)
        return out.count == bytes.count ? nil : out
    }
    return escaped.map { String(decoding: $0, as: UTF8.self) } ?? s
}
