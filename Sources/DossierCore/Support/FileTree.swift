import Foundation

/// Makes folders, and removes folder trees or the parts of one that a build will not write, with POSIX calls relative
/// to open folders.
///
/// FileManager.removeItem stats and builds a full path for every entry; a built site has one folder per page, so
/// replacing a 10,000-page site spent about as long deleting the old one as writing the new one. Removing takes one
/// thread: two removing page folders side by side contend for their parent's lock in the kernel.
public enum FileTree {
    /// Creates a folder and any missing parents; one that exists is fine, other failures show when a file in it is
    /// opened.
    static func makeFolder(_ path: String) {
        guard mkdir(path, 0o755) != 0, errno == ENOENT else { return }
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { makeFolder(String(path[..<slash])) }
        mkdir(path, 0o755)
    }

    /// Marks the folder `path` as the top of a folder tree for ext4 (`chattr +T`), which then places each folder made
    /// in it in a block group with room and few folders, searched from a hash of the folder's name, instead of beside
    /// its parent; their folders and files follow them. Ignored where the file system has no such mark.
    ///
    /// Without it a site's inodes are taken near the folder it is built in, where the last build's may have been
    /// freed minutes before (a site deleted, a temporary folder cleaned up): ext4 without a journal then skips each
    /// recently freed inode after reading its deletion time, and making 10,000 folders with a file in each took
    /// 4–6 s instead of half a second.
    static func spreadFolders(in path: String) {
        withFolder(path) { fd in
            guard var flags = flags(fd) else { return }
            flags |= topOfTree
            _ = ioctl(fd, setFlagsRequest, &flags)
        }
    }

    /// ext4's flag for the top of a folder tree (`T` in `lsattr`), which `spreadFolders` sets.
    static let topOfTree: Int32 = 0x0002_0000

    /// ext4's flags of the folder `path` (as `lsattr` shows them); nil where the file system keeps none.
    static func flags(of path: String) -> Int32? {
        var flags: Int32?
        withFolder(path) { flags = self.flags($0) }
        return flags
    }

    private static let getFlagsRequest: UInt = 0x8008_6601, setFlagsRequest: UInt = 0x4008_6602

    private static func flags(_ fd: Int32) -> Int32? {
        #if os(Linux)
        var flags: Int32 = 0
        return ioctl(fd, getFlagsRequest, &flags) == 0 ? flags : nil
        #else
        return nil
        #endif
    }

    /// Calls `body` with the folder `path` open, unless it cannot be opened.
    private static func withFolder(_ path: String, _ body: (Int32) -> Void) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        body(fd)
    }

    /// Removes `path` and everything below it; errors are ignored, as with `try? removeItem`.
    static func remove(_ path: String) {
        removeRecursively(path)
    }

    /// Removes from the folder `path` everything that is not one of `files` (paths relative to it) or a folder on
    /// the way to one, and, whatever their names, what writing `files` could reach beyond the folder through:
    /// symbolic links, entries that are neither files nor folders, and folders of another file system. Returns false
    /// when one of those could not be removed, or `path` is not a folder.
    ///
    /// A file that is one of `files` is kept without a `stat` (one per page): the writer checks each file it opens
    /// (a file of its own, on the folder's file system; see `SiteWriter.create`). The top-level folders are walked
    /// side by side: at 10,000 briefs the walk held one core for about a tenth of a second while the other waited.
    static func prune(_ path: String, keeping files: [String]) -> Bool {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var root = stat()
        guard fstat(fd, &root) == 0 else { return false }
        var folders: Set<String> = []
        for file in files {
            var folder = Substring(file)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        let kept = Kept(files: Set(files), folders: folders, device: root.st_dev)
        var deferred: [String]? = []
        var clean = prune(fd, prefix: "", kept, deferring: &deferred)
        let top = deferred ?? []
        let results = Parallel.map(top) { name -> Bool in
            let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { return false }
            var none: [String]? = nil
            let clean = prune(child, prefix: .concat(name, "/"), kept, deferring: &none)
            close(child)
            return clean
        }
        for (name, folderClean) in zip(top, results) {
            clean = folderClean && clean
            if !kept.folders.contains(name) { clean = unlinkat(fd, name, AT_REMOVEDIR) == 0 && clean }
        }
        return clean
    }

    private struct Kept {
        let files: Set<String>
        let folders: Set<String>
        let device: dev_t
    }

    /// Prunes the folder open as `fd`, whose path below the root is `prefix`. With `deferring`, the folders in it are
    /// not walked but added there, once checked, for the caller to walk.
    private static func prune(_ fd: Int32, prefix: String, _ kept: Kept, deferring: inout [String]?) -> Bool {
        let copy = dup(fd)
        guard copy >= 0, let dir = fdopendir(copy) else { return false }
        defer { closedir(dir) }
        var clean = true
        while let entry = readdir(dir) {
            let name = self.name(entry)
            if name == "." || name == ".." { continue }
            let relative = String.concat(prefix, name)
            if entry.pointee.d_type == UInt8(DT_REG), kept.files.contains(relative) { continue }
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                clean = false
                continue
            }
            let type = info.st_mode & S_IFMT
            let sameDevice = info.st_dev == kept.device
            if type == S_IFDIR, sameDevice {
                if deferring != nil {
                    deferring!.append(name)
                    continue
                }
                let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else {
                    clean = false
                    continue
                }
                var none: [String]? = nil
                clean = prune(child, prefix: .concat(relative, "/"), kept, deferring: &none) && clean
                close(child)
                if !kept.folders.contains(relative) { clean = unlinkat(fd, name, AT_REMOVEDIR) == 0 && clean }
            } else if type == S_IFREG, sameDevice, info.st_nlink == 1, kept.files.contains(relative) {
                continue
            } else {
                clean = unlinkat(fd, name, type == S_IFDIR ? AT_REMOVEDIR : 0) == 0 && clean
            }
        }
        return clean
    }

    /// The names in a folder, unsorted, each with whether it is a folder (links followed; broken links left out);
    /// nil when the folder cannot be read. The entries' types come with their names, so files cost no `stat`.
    public static func entries(of path: String) -> [(name: String, isFolder: Bool)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(dir) {
            let name = self.name(entry)
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard stat(path + "/" + name, &info) == 0 else { continue }
                out.append((name, info.st_mode & S_IFMT == S_IFDIR))
            } else {
                out.append((name, type == UInt8(DT_DIR)))
            }
        }
        return out
    }

    private static func name(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) {
            String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
        }
    }

    private static func removeRecursively(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            unlink(path)
            return
        }
        removeContents(of: fd)
        close(fd)
        rmdir(path)
    }

    /// Empties the folder open as `fd`, which stays open.
    private static func removeContents(of fd: Int32) {
        let copy = dup(fd)
        guard copy >= 0, let dir = fdopendir(copy) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = self.name(entry)
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            let child = type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN)
                ? openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1
            if child >= 0 {
                removeContents(of: child)
                close(child)
                unlinkat(fd, name, AT_REMOVEDIR)
            } else {
                unlinkat(fd, name, 0)
            }
        }
    }
}
