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
    private let stagingPath: String

    /// Refuses outputs that would overwrite the content, the templates, or a folder that is not a built site.
    init(output: String, protecting inputs: [String]) throws {
        let fm = FileManager.default
        let out = try Self.checkedOutput(output, protecting: inputs, replacing: true)
        self.output = out
        let name = ".\(out.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        staging = out.deletingLastPathComponent().appendingPathComponent(name)
        stagingPath = staging.path
        do {
            try fm.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw WriteError.io("cannot create '\(staging.path)': \(error.localizedDescription)")
        }
    }

    /// The output as a standardised URL, once it is known not to be `/`, the home or working folder, a folder that
    /// overlaps `inputs`, a file, or (when `replacing` an existing folder) a non-empty folder without an `index.html`.
    static func checkedOutput(_ output: String, protecting inputs: [String], replacing: Bool) throws -> URL {
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
            if replacing && !entries.isEmpty && !entries.contains("index.html") {
                throw WriteError.unsafeOutput("refusing to replace '\(output)': it is not empty and holds no built site (no index.html)")
            }
        }
        return out
    }

    /// Writes one file; `relative` must already be a safe path below the output.
    func write(_ relative: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try write(relative, bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Creates the folders of `files` in order, on this thread.
    ///
    /// Folder creation in one parent serializes in the kernel: two threads making page folders side by side took
    /// twice the CPU time of one, spinning on the parent's lock. Files are then written in parallel, each into its
    /// own folder.
    func makeFolders(for files: [String]) {
        var made: Set<Substring> = []
        for file in files {
            guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            let folder = file[..<slash]
            if made.insert(folder).inserted { makeFolder(stagingPath + "/" + folder) }
        }
    }

    /// Writes one file, creating its folders if `makeFolders` did not.
    func write(_ relative: String, bytes: UnsafeRawBufferPointer) throws {
        let file = try create(relative)
        defer { file.close() }
        try file.append(bytes)
    }

    /// A file of the staged site open for writing.
    final class File {
        let relative: String
        private var fd: Int32

        fileprivate init(relative: String, fd: Int32) {
            self.relative = relative
            self.fd = fd
        }

        func append(_ bytes: UnsafeRawBufferPointer) throws {
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

        func close() {
            if fd >= 0 { Foundation.close(fd) }
            fd = -1
        }

        deinit { close() }
    }

    /// Creates (or empties) a file, creating its folders if `makeFolders` did not.
    func create(_ relative: String) throws -> File {
        let path = stagingPath + "/" + relative
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT, let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) {
            makeFolder(stagingPath + "/" + relative[..<slash])
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw WriteError.io("cannot write '\(relative)': \(String(cString: strerror(errno)))") }
        return File(relative: relative, fd: fd)
    }

    /// Creates a folder and any missing parents; one that exists is fine, other failures show when the file is opened.
    private func makeFolder(_ path: String) {
        guard mkdir(path, 0o755) != 0, errno == ENOENT else { return }
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { makeFolder(String(path[..<slash])) }
        mkdir(path, 0o755)
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
                FileTree.remove(old.path)
                try fm.moveItem(at: output, to: old)
            }
            try fm.moveItem(at: staging, to: output)
            FileTree.remove(old.path)
        } catch {
            throw WriteError.io("cannot move the new site into '\(output.path)': \(error.localizedDescription)")
        }
    }

    /// Removes the staged site, leaving the output as it was.
    func discard() {
        FileTree.remove(stagingPath)
    }
}
