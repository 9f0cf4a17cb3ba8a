import Foundation

/// Writes files into a site folder that stays in use while it changes: each file is written beside its place and
/// renamed over it, so a reader sees the old file or the new one, never half of one.
struct InPlaceWriter: Sendable {
    let output: URL

    /// Refuses outputs that overlap the content or the templates, and folders that hold something else than a site.
    init(output: String, fresh: Bool, protecting inputs: [String]) throws {
        self.output = try SiteWriter.checkedOutput(output, protecting: inputs, replacing: fresh)
    }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        try replace(relative) { temporary in
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw SiteWriter.WriteError.io("cannot write '\(relative)': \(String(cString: strerror(errno)))") }
            let file = SiteWriter.File(relative: relative, fd: fd, oldLength: 0)
            defer { file.close() }
            try bytes.withUnsafeBytes { try file.append($0) }
        }
    }

    func copy(from source: String, to relative: String) throws {
        try replace(relative) { temporary in
            do {
                try FileManager.default.copyItem(atPath: source, toPath: temporary)
            } catch {
                throw SiteWriter.WriteError.io("cannot copy '\(source)': \(error.localizedDescription)")
            }
        }
    }

    /// Removes a file and the folders it leaves empty.
    func remove(_ relative: String) throws {
        var url = output.appendingPathComponent(relative)
        try? FileManager.default.removeItem(at: url)
        url.deleteLastPathComponent()
        while url.path.hasPrefix(output.path + "/"), (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: url)
            url.deleteLastPathComponent()
        }
    }

    /// Makes the file beside its place with `make`, given the temporary path, and renames it over the file.
    private func replace(_ relative: String, _ make: (String) throws -> Void) throws {
        let target = output.path + "/" + relative
        let slash = target.utf8.lastIndex(of: UInt8(ascii: "/"))!
        let folder = String(target[..<slash])
        let temporary = folder + "/." + target[target.index(after: slash)...] + ".tmp-\(UInt32.random(in: 0...UInt32.max))"
        // A folder (not a link to one elsewhere) must hold the file.
        var info = stat()
        if lstat(folder, &info) != 0 {
            FileTree.makeFolder(folder)
            _ = lstat(folder, &info)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw SiteWriter.WriteError.io("cannot write '\(relative)': '\(folder)' is not a folder") }
        do {
            try make(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SiteWriter.WriteError.io("cannot write '\(relative)': \(reason)")
        }
    }
}
