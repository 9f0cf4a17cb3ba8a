import DossierCore

/// The panel shown over every page while the content does not build: the diagnostics, and that the last good
/// site is what is shown underneath.
enum Overlay {
    static func html(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let items = errors.map { d -> String in
            var location = d.file
            if d.line > 0 { location += ":\(d.line)" }
            if d.line > 0 && d.column > 0 { location += ":\(d.column)" }
            let hint = d.hint.map { " <span style=\"opacity:.8\">(\(escape($0)))</span>" } ?? ""
            return "<li><code>\(escape(location))</code> \(escape(d.message))\(hint)</li>"
        }
        return """
            <div id="dossier-overlay" role="alert" style="position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:60vh;\
            overflow:auto;margin:0;padding:1rem 1.5rem;background:#3b0d0d;color:#fff;font:14px/1.5 ui-monospace,monospace;\
            box-shadow:0 -4px 16px rgba(0,0,0,.4)">
            <p style="margin:0 0 .5rem;font-weight:bold">The dossier does not build: \(errors.count) error\(errors.count == 1 ? "" : "s"). \
            This is the last good version of the page; it reloads when the content is fixed.</p>
            <ul style="margin:0;padding-left:1.2rem">\(items.joined())</ul>
            </div>
            """
    }

    /// Puts the overlay before `</body>`, or at the end when there is none.
    static func inject(_ overlay: String, into page: String) -> String {
        guard let end = page.range(of: "</body>", options: .backwards) else { return page + overlay }
        return page.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: overlay)
    }

    static func escape(_ s: String) -> String { escapeMarkup(s) }
}
