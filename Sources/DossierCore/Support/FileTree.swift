import Foundation

/// Removes folder trees with POSIX calls relative to open folders.
///
/// FileManager.removeItem stats and builds a full path for every entry; a built site has one folder per page, so
/// replacing a 10,000-page site spent about as long deleting the old one as writing the new one. One thread: two
/// removing page folders side by side contend for their parent's lock in the kernel.
enum FileTree {
    /// Removes `path` and everything below it; errors are ignored, as with `try? removeItem`.
    static func remove(_ path: String) {
        removeRecursively(path)
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
