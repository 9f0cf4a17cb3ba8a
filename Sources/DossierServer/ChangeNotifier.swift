import DossierCore
import Foundation

/// Wakes the watcher as soon as something changes below its folders, so that a save is noticed at once rather
/// than at the next scan. On Linux it listens with inotify to every folder (not dot-folders); elsewhere, or when
/// inotify is not available, `wait` only sleeps and the watcher's scans alone notice changes.
final class ChangeNotifier: @unchecked Sendable {
    private let folders: [String]
    #if os(Linux)
    private let fd: Int32
    #endif

    init(folders: [String]) {
        self.folders = folders
        #if os(Linux)
        fd = inotify_init1(Int32(IN_CLOEXEC))
        watchFolders()
        #endif
    }

    deinit {
        #if os(Linux)
        if fd >= 0 { close(fd) }
        #endif
    }

    /// Whether changes are heard of as they happen (else `wait` only sleeps).
    var listens: Bool {
        #if os(Linux)
        return fd >= 0
        #else
        return false
        #endif
    }

    /// Returns when something changed below the folders (true) or after `seconds` (false).
    func wait(seconds: Double) -> Bool {
        #if os(Linux)
        if fd >= 0 {
            var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, Int32(max(0, seconds * 1000))) > 0 else { return false }
            // A new folder needs a watch of its own; adding one again is harmless.
            if drain() { watchFolders() }
            return true
        }
        #endif
        Thread.sleep(forTimeInterval: seconds)
        return false
    }

    #if os(Linux)
    /// Reads away the pending events (which file changed is the scan's to tell); true when a folder was created or
    /// moved in.
    private func drain() -> Bool {
        var newFolder = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while poll(&ready, 1, 0) > 0 {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { break }
            // Each event: wd, mask, cookie and name length (four 32-bit words), then the name.
            var offset = 0
            while offset + 16 <= count {
                let (mask, length) = buffer.withUnsafeBytes {
                    ($0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self), $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                }
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { newFolder = true }
                offset += 16 + Int(length)
            }
        }
        return newFolder
    }

    private func watchFolders() {
        guard fd >= 0 else { return }
        let events = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
        func watch(_ folder: String) {
            guard inotify_add_watch(fd, folder, events) >= 0 else { return }
            for (name, isFolder) in FileTree.entries(of: folder) ?? [] where isFolder && !name.hasPrefix(".") {
                watch(folder + "/" + name)
            }
        }
        for folder in folders { watch(folder.hasSuffix("/") ? String(folder.dropLast()) : folder) }
    }
    #endif
}
