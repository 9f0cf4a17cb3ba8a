/// Escapes text for HTML and XML: `&`, `<`, `>`, `"` and `'`, byte by byte as the templates escape.
public func escapeMarkup(_ s: String) -> String {
    let escaped: String? = s.withUTF8Bytes { bytes in
        var out = ByteBuffer(capacity: bytes.count + 16)
        HTMLEscape.append(bytes, to: &out)
        return out.count == bytes.count ? nil : String(decoding: out.bytes, as: UTF8.self)
    }
    return escaped ?? s
}
