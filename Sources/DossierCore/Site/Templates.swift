import Foundation

/// The site's Mustache templates, parsed once, and the static files that travel with them.
struct Templates {
    static let required = ["layout", "index", "proposals", "proposal", "actors", "actor", "sources", "source",
                           "timeline", "matrix", "page", "404"]

    let program: TemplateProgram
    /// Paths of static files below `templates/assets/`.
    let assets: [String]

    /// Loads every `.mustache` file below `directory`; a parse error or a missing template is a diagnostic.
    static func load(from directory: String) -> (Templates?, [Diagnostic]) {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var diagnostics: [Diagnostic] = []
        var library: [String: [TemplateNode]] = [:]
        var names: Set<String> = []
        var assets: [String] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [Diagnostic(file: root, message: "templates folder not found", hint: "pass --templates PATH")])
        }
        for relative in ContentLoader.files(under: root) where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            if relative.hasPrefix("assets/") {
                assets.append(String(relative.dropFirst("assets/".count)))
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            let path = root + "/" + relative
            guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(Diagnostic(file: path, message: "cannot read template as UTF-8"))
                continue
            }
            do {
                library[name] = try TemplateParser.parse(text)
                names.insert(name)
            } catch {
                diagnostics.append(Diagnostic(file: path, line: error.line, column: error.column,
                                              message: "template error: \(error)"))
            }
        }
        for name in required where !names.contains(name) && !diagnostics.contains(where: { $0.file.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(Diagnostic(file: root + "/\(name).mustache", message: "missing template '\(name)'",
                                          hint: "copy it from the default templates"))
        }
        return diagnostics.isEmpty ? (Templates(program: TemplateProgram(library), assets: assets), []) : (nil, diagnostics)
    }

    /// Renders the page by its template, giving the bytes to `write` in parts as they are ready (see
    /// `TemplateRenderer.flush`): big pages never sit whole in memory.
    func render(_ job: PageJob, write: @escaping (UnsafeRawBufferPointer) -> Void) {
        var renderer = TemplateRenderer(program: program)
        renderer.flush = write
        renderer.render(job.template, job.context)
        renderer.flushAll()
    }

    /// Appends the page rendered by its template to `output`.
    func render(_ job: PageJob, into output: inout [UInt8]) {
        var renderer = TemplateRenderer(program: program)
        renderer.render(job.template, job.context)
        output += renderer.output
    }
}
