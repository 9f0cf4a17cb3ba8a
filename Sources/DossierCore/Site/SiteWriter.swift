import Foundation

/// Writes a site into a fresh folder beside the output, then swaps it in whole.
///
/// Until `commit()`, the previous output is untouched; a build that fails leaves it exactly as it was.
final class SiteWriter: @unchecked Sendable {
    enum WriteError: Error, CustomStringConvertible {
        case unsafeOutput(String)
        case io(String)

        var description: String {
            switch self {
            case .unsafeOutput(let s), .io(let s): return s
            }
        }
    }

    let output: URL
    let staging: URL

    /// Refuses outputs that would overwrite the content, the templates, or a folder that is not a built site.
    init(output: String, protecting inputs: [String]) throws {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: output).standardizedFileURL
        let outPath = out.path
        if outPath == "/" || outPath == fm.homeDirectoryForCurrentUser.standardizedFileURL.path
            || outPath == URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL.path {
            throw WriteError.unsafeOutput("refusing to write the site into '\(output)': choose a folder of its own, e.g. public")
        }
        for input in inputs {
            let inPath = URL(fileURLWithPath: input).standardizedFileURL.path
            if inPath == outPath || inPath.hasPrefix(outPath + "/") || outPath.hasPrefix(inPath + "/") {
                throw WriteError.unsafeOutput("refusing to write the site into '\(output)': it overlaps '\(input)'")
            }
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: outPath, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw WriteError.unsafeOutput("'\(output)' exists and is not a folder")
            }
            let entries = (try? fm.contentsOfDirectory(atPath: outPath)) ?? []
            if !entries.isEmpty && !entries.contains("index.html") {
                throw WriteError.unsafeOutput("refusing to replace '\(output)': it is not empty and holds no built site (no index.html)")
            }
        }
        self.output = out
        let name = ".\(out.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        staging = out.deletingLastPathComponent().appendingPathComponent(name)
        do {
            try fm.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw WriteError.io("cannot create '\(staging.path)': \(error.localizedDescription)")
        }
    }

    /// Writes one file; `relative` must already be a safe path below the output.
    func write(_ relative: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try write(relative, bytes: UnsafeRawBufferPointer($0)) }
    }

    func write(_ relative: String, bytes: UnsafeRawBufferPointer) throws {
        let url = staging.appendingPathComponent(relative)
        var fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw WriteError.io("cannot write '\(relative)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError.io("cannot write '\(relative)': \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Copies a file into the staged site.
    func copy(from source: String, to relative: String) throws {
        let target = staging.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.copyItem(atPath: source, toPath: target.path)
        } catch {
            throw WriteError.io("cannot copy '\(source)': \(error.localizedDescription)")
        }
    }

    /// Swaps the staged site in place of the output.
    func commit() throws {
        let fm = FileManager.default
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if fm.fileExists(atPath: output.path) {
                try? fm.removeItem(at: old)
                try fm.moveItem(at: output, to: old)
            }
            try fm.moveItem(at: staging, to: output)
            try? fm.removeItem(at: old)
        } catch {
            throw WriteError.io("cannot move the new site into '\(output.path)': \(error.localizedDescription)")
        }
    }

    /// Removes the staged site, leaving the output as it was.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
