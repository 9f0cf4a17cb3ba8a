import DossierCore
import Foundation

/// Notices changes below some folders by comparing each file's modification time and size between scans.
///
/// Polling is portable and, with `readdir` and `stat`, cheap: a few milliseconds for a thousand files.
/// Dotfiles and dot-folders are ignored, as the build ignores them (editors' swap files live there).
struct ContentWatcher: Sendable {
    let folders: [String]

    /// Every file below the folders, by path.
    func scan() -> [String: FileStamp] {
        var out: [String: FileStamp] = [:]
        for folder in folders { walk(folder.hasSuffix("/") ? String(folder.dropLast()) : folder, into: &out) }
        return out
    }

    /// The paths added, removed or modified between two scans, sorted.
    static func changes(from old: [String: FileStamp], to new: [String: FileStamp]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new where old[path] != stamp { changed.append(path) }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    private func walk(_ folder: String, into out: inout [String: FileStamp]) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &out)
            } else {
                out[path] = FileStamp(info)
            }
        }
    }
}
