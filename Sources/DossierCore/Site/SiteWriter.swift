import Foundation

/// Writes a site into a staging folder beside the output, then swaps it in whole.
///
/// The staging folder is the site the last build replaced, when it was kept beside the output as `.NAME.previous`
/// and still looks like a built site: its folders and files are rewritten in place and whatever this build does not
/// write is removed first, so the result is the same as a fresh folder's. Creating and deleting a folder and a file
/// per page costs far more: on ext4, creating many inodes soon after deleting many took seconds. Otherwise the
/// staging folder is a new, empty one. Until `commit()`, the output is untouched; a build that fails leaves it
/// exactly as it was.
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

    private let outputPath: String
    private let stagingPath: String
    /// Where the replaced site is kept, e.g. `.public.previous` beside `public`.
    private let sparePath: String
    /// Where a replaced site that is not kept goes until it is deleted.
    private let oldPath: String
    private let keepPrevious: Bool
    /// Whether the staging folder is a kept site, to be pruned before it is written.
    private let reused: Bool
    /// The staging folder's file system: every file written is on it.
    private let device: dev_t

    /// Refuses outputs that would overwrite the content, the templates, or a folder that is not a built site.
    /// With `keepPrevious`, `commit()` keeps the replaced site beside the output for the next build to rewrite;
    /// without, it deletes it. Either way a site kept by an earlier build is reused.
    init(output: String, protecting inputs: [String], keepPrevious: Bool) throws {
        let out = try Self.checkedOutput(output, protecting: inputs, replacing: true)
        self.keepPrevious = keepPrevious
        outputPath = out.path
        let parent = out.deletingLastPathComponent()
        let random = UInt32.random(in: 0...UInt32.max)
        stagingPath = parent.appendingPathComponent(".\(out.lastPathComponent).tmp-\(getpid())-\(random)").path
        sparePath = parent.appendingPathComponent(".\(out.lastPathComponent).previous").path
        oldPath = parent.appendingPathComponent(".\(out.lastPathComponent).old-\(getpid())").path
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError.io("cannot create '\(parent.path)': \(error.localizedDescription)")
        }
        reused = Self.take(sparePath, as: stagingPath)
        if !reused {
            guard mkdir(stagingPath, 0o755) == 0 else {
                throw WriteError.io("cannot create '\(stagingPath)': \(String(cString: strerror(errno)))")
            }
            FileTree.spreadFolders(in: stagingPath)
        }
        var info = stat()
        guard lstat(stagingPath, &info) == 0 else {
            throw WriteError.io("cannot create '\(stagingPath)': \(String(cString: strerror(errno)))")
        }
        device = info.st_dev
    }

    /// Renames the kept site at `spare` to `staging` when it is a folder (not a link to one) that is empty or holds
    /// an `index.html`, and returns whether it did. Taking it by renaming means two builds never share one.
    private static func take(_ spare: String, as staging: String) -> Bool {
        guard let folder = realFolder(spare),
              let entries = try? FileManager.default.contentsOfDirectory(atPath: spare), holdsSite(entries),
              rename(spare, staging) == 0 else { return false }
        if realFolder(staging) == folder { return true }
        rename(staging, spare)  // replaced between the check and the rename: put it back
        return false
    }

    /// The device and inode of `path` when it is a folder and not a symbolic link.
    private static func realFolder(_ path: String) -> [UInt64]? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// Whether a folder with these entries may be replaced: it is empty or holds a built site.
    private static func holdsSite(_ entries: [String]) -> Bool {
        entries.isEmpty || entries.contains("index.html")
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
            if replacing && !holdsSite(entries) {
                throw WriteError.unsafeOutput("refusing to replace '\(output)': it is not empty and holds no built site (no index.html)")
            }
        }
        return out
    }

    /// Writes one file; `relative` must already be a safe path below the output.
    func write(_ relative: String, _ text: String) throws {
        try text.withUTF8Bytes { try write(relative, bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Readies the staging folder for exactly `files`: in a reused site, removes everything else and whatever could
    /// lead a write outside the folder (see `FileTree.prune`); then creates their top-level folders (`actors/`, …),
    /// in a new staging folder each under a random name first, then renamed: ext4 picks the block group of a folder
    /// made in a folder marked by `FileTree.spreadFolders` from a hash of its name, and the same name would pick the
    /// group where the last build's folder of that name was, perhaps just deleted.
    ///
    /// The folders below those, one per page, are made by `create` as each page is written, beside the rendering on
    /// every core. Made here first, one after another, they held one core for a quarter of a second and more at
    /// 10,000 briefs while the other waited; made by the writers, which work from the two ends of the list of pages,
    /// two threads seldom meet on a parent's lock.
    func prepare(for files: [String]) throws {
        if reused, !FileTree.prune(stagingPath, keeping: files) {
            throw WriteError.io("cannot reuse the site kept from the last build in '\(stagingPath)': something in it could not be removed")
        }
        var made: Set<Substring> = []
        for file in files {
            guard let slash = file.utf8.firstIndex(of: UInt8(ascii: "/")) else { continue }
            let folder = file[..<slash]
            if made.insert(folder).inserted { makeSection(String(folder)) }
        }
    }

    /// Makes the top-level folder `name`: in a new staging folder under a random name, then renamed (see `prepare`).
    private func makeSection(_ name: String) {
        let path = String.concat(stagingPath, "/", name)
        if !reused {
            let temporary = String.concat(stagingPath, "/.", name, ".tmp-\(UInt32.random(in: 0...UInt32.max))")
            if mkdir(temporary, 0o755) == 0 {
                if rename(temporary, path) == 0 { return }
                rmdir(temporary)
            }
        }
        FileTree.makeFolder(path)
    }

    /// Writes one file, creating its folders if `prepare` did not.
    func write(_ relative: String, bytes: UnsafeRawBufferPointer) throws {
        let file = try create(relative)
        defer { file.close() }
        try file.append(bytes)
        try file.finish()
    }

    /// A file of the staged site open for writing from its start; `finish()` cuts off what is left of an older,
    /// longer file in its place.
    ///
    /// A reused site's files are overwritten, not emptied when opened: ext4 writes out a file emptied and rewritten
    /// as soon as it is closed (its `auto_da_alloc` guard against losing data in a crash), which with freeing and
    /// allocating the blocks again took twice the system time of overwriting.
    final class File {
        let relative: String
        private var fd: Int32
        private var length = 0
        private let oldLength: Int

        /// Takes over `fd`, open for writing from the start of a file `oldLength` bytes long.
        init(relative: String, fd: Int32, oldLength: Int) {
            self.relative = relative
            self.fd = fd
            self.oldLength = oldLength
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
            length += bytes.count
        }

        /// Cuts the file to what was appended, and closes it.
        func finish() throws {
            if oldLength > length, ftruncate(fd, off_t(length)) != 0 {
                throw WriteError.io("cannot write '\(relative)': \(String(cString: strerror(errno)))")
            }
            close()
        }

        /// Closes the file as it is.
        func close() {
            if fd >= 0 { Foundation.close(fd) }
            fd = -1
        }

        deinit { close() }
    }

    /// Opens a file of the staged site, creating it and, if they are missing, its folders. A file kept from the last
    /// build that other hard links share, or that is not on the staging folder's file system, is replaced by a new
    /// one: writing it would change a file elsewhere. A symbolic link in its place is an error.
    func create(_ relative: String) throws -> File {
        let path = String.concat(stagingPath, "/", relative)
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC
        if !reused {
            // A new staging folder holds only what this build made: a page's folder is made before its file is
            // opened (not after the open fails), and a file that is new for certain needs no `fstat`.
            if let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")), relative.utf8[..<slash].contains(UInt8(ascii: "/")) {
                FileTree.makeFolder(String.concat(stagingPath, "/", String(relative[..<slash])))
            }
            let fd = open(path, flags | O_EXCL, 0o644)
            if fd >= 0 { return File(relative: relative, fd: fd, oldLength: 0) }
        }
        var fd = open(path, flags, 0o644)
        if fd < 0, errno == ENOENT, let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) {
            FileTree.makeFolder(stagingPath + "/" + relative[..<slash])
            fd = open(path, flags, 0o644)
        }
        guard fd >= 0 else { throw WriteError.io("cannot write '\(relative)': \(String(cString: strerror(errno)))") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            Foundation.close(fd)
            throw WriteError.io("cannot write '\(relative)': \(String(cString: strerror(errno)))")
        }
        // Only a kept site can hold a file of another file system (one mounted there); the files of a new staging
        // folder are all this build's, whatever device their `stat` reports (overlayfs reports the layer's).
        if info.st_mode & S_IFMT != S_IFREG || info.st_nlink != 1 || (reused && info.st_dev != device) {
            Foundation.close(fd)
            fd = unlink(path) == 0 ? open(path, flags | O_EXCL, 0o644) : -1
            guard fd >= 0 else { throw WriteError.io("cannot write '\(relative)': it is not a file of its own") }
            return File(relative: relative, fd: fd, oldLength: 0)
        }
        return File(relative: relative, fd: fd, oldLength: Int(info.st_size))
    }

    /// Copies a file into the staged site.
    func copy(from source: String, to relative: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw WriteError.io("cannot copy '\(source)': \(String(cString: strerror(errno)))") }
        defer { Foundation.close(input) }
        let file = try create(relative)
        defer { file.close() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = read(input, buffer.baseAddress!, buffer.count)
            if n == 0 { return try file.finish() }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError.io("cannot copy '\(source)': \(String(cString: strerror(errno)))")
            }
            try file.append(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// Swaps the staged site in place of the output, and keeps the replaced site as the spare or deletes it.
    ///
    /// The replaced site is kept only when it is a real folder and nothing is in the spare's place (a spare the
    /// build did not take, being no site, is left alone).
    func commit() throws {
        var info = stat()
        let replacing = lstat(outputPath, &info) == 0
        let kept = replacing && keepPrevious && info.st_mode & S_IFMT == S_IFDIR && rename(outputPath, sparePath) == 0
        if replacing && !kept {
            FileTree.remove(oldPath)
            guard rename(outputPath, oldPath) == 0 else { throw moveError() }
        }
        guard rename(stagingPath, outputPath) == 0 else {
            let error = moveError()
            if replacing { rename(kept ? sparePath : oldPath, outputPath) }
            throw error
        }
        if replacing && !kept { FileTree.remove(oldPath) }
    }

    private func moveError() -> WriteError {
        .io("cannot move the new site into '\(outputPath)': \(String(cString: strerror(errno)))")
    }

    /// Removes the staged site, leaving the output as it was.
    func discard() {
        FileTree.remove(stagingPath)
    }
}
