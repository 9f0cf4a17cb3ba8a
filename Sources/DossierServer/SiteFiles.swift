import Foundation

/// Maps request paths to files of the built site, and never to anything outside it.
///
/// The raw, percent-encoded path is split into segments before decoding, so an encoded `/` (`%2f`) cannot make a
/// new segment; any `.` or `..` segment, encoded or not, and any backslash or NUL is refused outright. Dotfiles
/// (the writer's temporary files) are not served. Symbolic links are resolved and must stay inside the site.
struct SiteFiles: Sendable {
    enum Resolution: Equatable {
        case file(String)
        /// A folder asked for without its trailing slash: the same path with one.
        case redirect(String)
        case notFound
        case badRequest
    }

    let root: String

    init(root: String) {
        self.root = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    }

    func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .badRequest }
        var segments: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = raw.removingPercentEncoding else { return .badRequest }
            if segment == "." || segment == ".." || segment.contains("/") || segment.contains("\\") || segment.contains("\0") {
                return .badRequest
            }
            if segment.hasPrefix(".") { return .notFound }
            segments.append(segment)
        }
        var path = ([root] + segments).joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard rawPath.hasSuffix("/") else { return .redirect(rawPath + "/") }
            path += "/index.html"
        }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard real.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory),
              !isDirectory.boolValue else { return .notFound }
        return .file(real)
    }

    /// The Content-Type for a file, by its extension.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
